import type { BridgeErrorPayload, ErrorCode } from '../../src-preload/contract'

/** An error meant for the person at the other end of the bridge: its message is shown as is. */
export class CoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { status?: number; retryAfterSeconds?: number } = {}
  ) {
    super(message)
    this.name = 'CoreError'
  }

  toPayload(): BridgeErrorPayload {
    return { code: this.code, message: this.message, ...this.extra }
  }
}
