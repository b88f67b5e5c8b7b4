import type { AgentPhoneClient } from '../agentphone/client'
import { ApiError } from '../agentphone/errors'
import type { Logger } from '../ports'
import type { AgentDirectory } from './agent-directory'
import { isLive, type CallBoard } from './call-board'

export type CallCheck = 'live' | 'ended' | 'gone' | 'unknown'

const STILL_ON = new Set(['in-progress', 'ringing', 'ending', 'queued', 'initiated'])

/**
 * Asks AgentPhone (`GET /v1/calls/{id}`) about a call the board still shows as live, and ends it on
 * the board when it is over, with AgentPhone's status and reason. A call whose end was missed (the
 * webhook never came, the app was closed) would otherwise stay "live" for ever.
 */
export async function checkCall(
  deps: { api: AgentPhoneClient; board: CallBoard; directory: AgentDirectory; logger: Logger; nowIso: () => string },
  callId: string
): Promise<CallCheck> {
  const { api, board, directory, logger, nowIso } = deps
  let call: CallRecord
  try {
    call = await api.calls.get(callId)
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) {
      const known = board.get(callId)
      if (known && isLive(known)) board.end(callId, { endedAt: nowIso(), status: 'failed', reason: 'unknown_to_agentphone' })
      return 'gone'
    }
    logger.warn('could not check a call', { callId, error: err instanceof Error ? err.message : String(err) })
    return 'unknown'
  }
  const status = typeof call.status === 'string' ? call.status : null
  if (status !== null && STILL_ON.has(status)) return 'live'
  endFromRecord({ board, directory, nowIso }, call)
  return 'ended'
}

type CallRecord = Awaited<ReturnType<AgentPhoneClient['calls']['get']>>

/** Ends a call on the board from AgentPhone's record of it: its status, reason and end time. */
export function endFromRecord(deps: { board: CallBoard; directory: AgentDirectory; nowIso: () => string }, call: CallRecord): void {
  const status = typeof call.status === 'string' ? call.status : null
  const reason = (call as { disconnectionReason?: unknown }).disconnectionReason
  deps.board.end(call.id, {
    endedAt: call.endedAt ?? deps.nowIso(),
    status,
    reason: typeof reason === 'string' ? reason : null,
    transferTo: deps.directory.get(call.agentId)?.transferNumber ?? null
  })
}
