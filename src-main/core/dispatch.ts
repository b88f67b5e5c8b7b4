import { commandParams, isCommandName, type BridgeResult } from '../../src-preload/contract'
import type { Caller } from '../../src-preload/command-roles'
import { CoreError } from './errors'
import type { HandlerMap } from './handlers/types'
import type { Logger } from './ports'

/**
 * The one door into the core: validates params with the contract's schema, runs the handler, and
 * turns every outcome into data. Nothing thrown inside crosses the bridge as an exception.
 */
export async function dispatch(
  handlers: HandlerMap,
  method: string,
  params: unknown,
  logger: Logger,
  mapError: (err: unknown) => CoreError | null = () => null,
  caller?: Caller
): Promise<BridgeResult<unknown>> {
  if (!isCommandName(method)) return fail(new CoreError('unknown_method', `There is no command called "${String(method)}".`))
  const parsed = commandParams[method].safeParse(params ?? {})
  if (!parsed.success) return fail(new CoreError('invalid_params', describeIssues(parsed.error.issues)))
  const handler = handlers[method] as ((p: unknown, c: Caller | undefined) => Promise<unknown>) | undefined
  if (!handler) return fail(new CoreError('not_implemented', `"${method}" is not implemented yet.`))
  try {
    return { ok: true, value: await handler(parsed.data, caller) }
  } catch (err) {
    if (err instanceof CoreError) return fail(err)
    const mapped = mapError(err)
    if (mapped) return fail(mapped)
    logger.error('command failed', { method, error: err instanceof Error ? err.message : String(err) })
    return fail(new CoreError('internal', `"${method}" failed unexpectedly. The details are in the log.`))
  }
}

function fail(err: CoreError): BridgeResult<never> {
  return { ok: false, error: err.toPayload() }
}

function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ')
}
