import type { BridgeEvent } from '../../../src-preload/contract'
import type { Journal } from '../journal/journal'
import type { Simulator } from '../sim/simulator'
import type { AgentDirectory } from './agent-directory'
import type { CallBoard } from './call-board'

/**
 * Broker events update the board (which turn is waiting, what the agent said) before they go out,
 * so a renderer that asks `calls.list` right after `turn.opened` already sees the waiting turn.
 */
export function wireBrokerEvents(event: BridgeEvent, deps: { board: CallBoard; journal: Journal; emit: (e: BridgeEvent) => void; authorOf?: (callId: string) => string | undefined }): void {
  const { board, journal, emit } = deps
  switch (event.event) {
    case 'transcript.turn': {
      // A person's line carries their name (History shows who answered).
      const by = event.data.source === 'human' ? deps.authorOf?.(event.data.callId) : undefined
      // The board journals it (not awaited: the line is already on the wire).
      board.addLine(by ? { ...event.data, by } : event.data)
      return
    }
    case 'turn.opened': {
      const { turnId, callId, deadline, transcript } = event.data
      if (board.get(callId)) board.upsert({ id: callId, waitingTurn: { turnId, deadline, transcript, claimedBy: null } })
      break
    }
    case 'turn.closed': {
      const call = board.get(event.data.callId)
      if (call?.waitingTurn?.turnId === event.data.turnId) board.upsert({ id: call.id, waitingTurn: null })
      void journal.append('turn.closed', event.data).catch(() => undefined)
      break
    }
    case 'turn.claimed': {
      const call = board.get(event.data.callId)
      if (call?.waitingTurn?.turnId === event.data.turnId) {
        board.upsert({ id: call.id, waitingTurn: { ...call.waitingTurn, claimedBy: event.data.by, claimedById: event.data.byId ?? null } })
      }
      break
    }
    case 'turn.unclaimed': {
      const call = board.get(event.data.callId)
      if (call?.waitingTurn?.turnId === event.data.turnId) {
        board.upsert({ id: call.id, waitingTurn: { ...call.waitingTurn, claimedBy: null, claimedById: null } })
      }
      break
    }
  }
  emit(event)
}

/** What the simulated phone hears and rings with, forwarded to the bridge. */
export function wireSandboxEvents(
  sim: Simulator,
  deps: { board: CallBoard; directory: AgentDirectory; emit: (e: BridgeEvent) => void; nowIso: () => string }
): void {
  const { board, directory, emit, nowIso } = deps
  sim.on('heard', (heard) => emit({ event: 'sandbox.heard', data: heard }))
  sim.on('sms', (message) => emit({ event: 'sandbox.sms', data: message }))
  // The simulated callee picks up on its own (no webhook says so): the board hears it here.
  sim.on('call', (e) => {
    if (e.kind === 'updated' && e.status === 'in-progress' && board.get(e.callId)?.status === 'ringing') board.upsert({ id: e.callId, status: 'in-progress' })
  })
  sim.on('ring', (ring) => {
    const call = board.get(ring.callId)
    if (call) board.upsert({ id: ring.callId, status: 'ringing' })
    else {
      const agent = directory.byNumber(ring.from)
      board.upsert(
        { id: ring.callId },
        {
          agentId: agent?.id ?? null,
          agentName: agent?.name ?? null,
          voiceMode: agent?.voiceMode ?? null,
          direction: 'outbound',
          from: ring.from,
          to: ring.to,
          status: 'ringing',
          startedAt: nowIso(),
          endedAt: null,
          lastWords: null,
          answeredBy: 'human',
          waitingTurn: null
        }
      )
    }
    emit({ event: 'sandbox.ring', data: ring })
  })
}
