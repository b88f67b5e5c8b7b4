import type { CallInfo, OpenTurn } from '../../src-preload/contract'
import { isTerminal } from '../lib/call-state'
import { mergeTranscript, withoutKeys } from './bounded'
import type { CallsSlice, SliceDeps } from './types'

/** Lines kept per call: a long call still renders quickly and memory stays flat all day. */
export const MAX_TRANSCRIPT_LINES = 500
/** Ended calls kept so an open call view, or a glance back, still works. */
export const MAX_ENDED_CALLS = 50

export function createCallsSlice({ set, get, bridge }: SliceDeps): CallsSlice {
  // Calls touched by pushed events while a calls.list request is in flight: the event is newer
  // than the list, so the list must not overwrite or drop them.
  let touchedDuringLoad: Set<string> | null = null
  let turnsTouchedDuringLoad: Set<string> | null = null

  return {
    calls: {},
    endedOrder: [],
    transcripts: {},
    turns: {},
    selectedCallId: null,
    openCallId: null,

    async loadCalls() {
      const touched = new Set<string>()
      touchedDuringLoad = touched
      const page = get().report('Loading live calls', await bridge.invoke('calls.list', { live: true }))
      if (touchedDuringLoad === touched) touchedDuringLoad = null
      if (!page) return
      set((s) => {
        const calls: Record<string, CallInfo> = {}
        // Ended calls stay (history); live ones not in the list ended while we were not looking.
        for (const [id, c] of Object.entries(s.calls)) if (isTerminal(c.status) || touched.has(id)) calls[id] = c
        for (const c of page.items) if (!touched.has(c.id)) calls[c.id] = c
        return { calls }
      })
      for (const c of page.items) if (c.waitingTurn && !touched.has(c.id)) get().openTurn({ callId: c.id, ...c.waitingTurn })
    },
    async loadTurns() {
      const touched = new Set<string>()
      turnsTouchedDuringLoad = touched
      const res = get().report('Loading waiting turns', await bridge.invoke('turns.list', {}))
      if (turnsTouchedDuringLoad === touched) turnsTouchedDuringLoad = null
      if (!res) return
      set((s) => {
        const turns = Object.fromEntries(res.items.filter((t) => !touched.has(t.turnId)).map((t) => [t.turnId, t]))
        for (const id of touched) {
          const t = s.turns[id]
          if (t) turns[id] = t
        }
        return { turns }
      })
    },
    selectCall(selectedCallId) {
      set({ selectedCallId })
    },
    async openCall(callId) {
      if (get().holdLeave('monitor', () => void get().openCall(callId))) return
      set({ openCallId: callId, selectedCallId: callId, view: 'monitor' })
      // Lines spoken before this window started are only in the core: fetch and merge them.
      const res = await bridge.invoke('calls.get', { callId })
      if (!res.ok) return // the live stream still fills the view; a missing backfill is not worth a toast
      set((s) => ({
        calls: s.calls[callId] ? s.calls : { ...s.calls, [callId]: res.value.call },
        transcripts: {
          ...s.transcripts,
          [callId]: mergeTranscript(res.value.transcript, s.transcripts[callId] ?? [], MAX_TRANSCRIPT_LINES)
        }
      }))
    },
    closeCall() {
      set({ openCallId: null })
    },
    async endCall(callId) {
      get().report('Ending the call', await bridge.invoke('calls.end', { callId }))
    },

    upsertCall(call) {
      touchedDuringLoad?.add(call.id)
      set((s) => ({ calls: { ...s.calls, [call.id]: call } }))
      syncWaitingTurn(call)
    },
    markEnded(call) {
      touchedDuringLoad?.add(call.id)
      set((s) => {
        const endedOrder = [...s.endedOrder.filter((id) => id !== call.id), call.id]
        const drop = endedOrder.splice(0, Math.max(0, endedOrder.length - MAX_ENDED_CALLS))
        // Never drop the call someone is looking at.
        const keep = drop.filter((id) => id === s.openCallId)
        const gone = drop.filter((id) => id !== s.openCallId)
        const turns = Object.fromEntries(Object.entries(s.turns).filter(([, t]) => t.callId !== call.id))
        return {
          calls: withoutKeys({ ...s.calls, [call.id]: { ...call, waitingTurn: null } }, gone),
          transcripts: withoutKeys(s.transcripts, gone),
          heard: withoutKeys(s.heard, gone),
          endedOrder: [...keep, ...endedOrder],
          turns,
          selectedCallId: s.selectedCallId === call.id ? null : s.selectedCallId
        }
      })
    },
    addTranscriptLine(line) {
      set((s) => {
        const lines = s.transcripts[line.callId] ?? []
        const next = lines.length >= MAX_TRANSCRIPT_LINES ? lines.slice(1 - MAX_TRANSCRIPT_LINES) : lines.slice()
        next.push(line)
        return { transcripts: { ...s.transcripts, [line.callId]: next } }
      })
    },
    openTurn(turn) {
      turnsTouchedDuringLoad?.add(turn.turnId)
      set((s) => ({ turns: { ...s.turns, [turn.turnId]: turn } }))
    },
    closeTurn(turnId) {
      turnsTouchedDuringLoad?.add(turnId)
      set((s) => (s.turns[turnId] ? { turns: withoutKeys(s.turns, [turnId]) } : s))
    },
    claimTurn(turnId, by, byId = null) {
      set((s) => {
        const t = s.turns[turnId]
        return t ? { turns: { ...s.turns, [turnId]: { ...t, claimedBy: by, claimedById: byId } } } : s
      })
    }
  }

  /** The core's call record says which turn waits; keep the turns map in step with it. */
  function syncWaitingTurn(call: CallInfo): void {
    const s = get()
    const stale = Object.values(s.turns).filter((t) => t.callId === call.id && t.turnId !== call.waitingTurn?.turnId)
    for (const t of stale) s.closeTurn(t.turnId)
    const w = call.waitingTurn
    if (!w) return
    // Every call.updated repeats the waiting turn: a new turns map each time would re-sort the
    // Monitor and re-render every row watching turns, for nothing.
    const known = get().turns[w.turnId]
    if (known && known.callId === call.id && known.deadline === w.deadline && known.transcript === w.transcript && known.claimedBy === w.claimedBy && (known.claimedById ?? null) === (w.claimedById ?? null)) return
    s.openTurn({ callId: call.id, ...w } satisfies OpenTurn)
  }
}

