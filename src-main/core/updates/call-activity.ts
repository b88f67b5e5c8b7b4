/**
 * What an update restart must not interrupt: calls that are live (ringing, in progress, ending) and
 * voice turns waiting for an answer. Counted from the session host's events, and re-read from
 * `calls.list` / `turns.list` at start and whenever the session restarts (`app.status`), the
 * same way the desktop attention counts waiting callers.
 */
import type { BridgeEvent, BridgeResult, CallInfo } from '../../../src-preload/contract'
import type { Logger } from '../ports'
import { silentLogger } from '../ports'

export interface ActivityHost {
  onEvent(listener: (event: BridgeEvent) => void): () => void
  invoke(method: string, params: unknown): Promise<BridgeResult<unknown>>
}

export interface CallActivity {
  /** Why a restart must wait now ("a call is live"), or null when nothing would be cut off. */
  busyReason(): string | null
  /** Called whenever the answer may have changed. */
  onChange(listener: () => void): () => void
  /** Resolves once the first read of the session's calls and turns is in. */
  ready: Promise<void>
  dispose(): void
}

const LIVE = new Set<CallInfo['status']>(['ringing', 'in-progress', 'ending'])

function describe(calls: number, turns: number): string | null {
  const parts: string[] = []
  if (calls > 0) parts.push(calls === 1 ? 'a call is live' : `${calls} calls are live`)
  if (turns > 0) parts.push(turns === 1 ? 'a caller is waiting for an answer' : `${turns} callers are waiting for an answer`)
  return parts.length ? parts.join(' and ') : null
}

export function trackCallActivity(host: ActivityHost, logger: Logger = silentLogger): CallActivity {
  const live = new Set<string>()
  const waiting = new Set<string>()
  const listeners = new Set<() => void>()
  const changed = (): void => {
    for (const listener of listeners) listener()
  }
  const setCall = (call: CallInfo): void => {
    if (LIVE.has(call.status)) live.add(call.id)
    else live.delete(call.id)
    if (call.waitingTurn) waiting.add(call.waitingTurn.turnId)
  }

  const resync = async (): Promise<void> => {
    const [calls, turns] = await Promise.all([host.invoke('calls.list', { live: true, limit: 100 }), host.invoke('turns.list', {})])
    if (calls.ok) {
      live.clear()
      for (const call of (calls.value as { items: CallInfo[] }).items) if (LIVE.has(call.status)) live.add(call.id)
    }
    if (turns.ok) {
      waiting.clear()
      for (const turn of (turns.value as { items: Array<{ turnId: string }> }).items) waiting.add(turn.turnId)
    }
    changed()
  }
  const resyncLogged = (): Promise<void> => resync().catch((error: unknown) => logger.warn('could not read the live calls', { error: String(error) }))

  const off = host.onEvent((event) => {
    switch (event.event) {
      case 'call.started':
      case 'call.updated':
      case 'call.ended':
        setCall(event.data)
        break
      case 'turn.opened':
        waiting.add(event.data.turnId)
        break
      case 'turn.closed':
        waiting.delete(event.data.turnId)
        break
      case 'app.status':
        // A mode switch or port change restarted the core: its calls and turns are the truth now.
        void resyncLogged()
        return
      default:
        return
    }
    changed()
  })

  return {
    busyReason: () => describe(live.size, waiting.size),
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    ready: resyncLogged(),
    dispose: off
  }
}
