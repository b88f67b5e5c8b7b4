import type { BridgeResult } from '../../src-preload/contract'

/** A command's value, or the test fails with the refusal's code and message. */
export function ok<T>(result: BridgeResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}
