import type { HistoryCall, HistoryFilter } from '../../src-preload/contract'
import type { CallHistorySlice } from './call-history-types'
import type { SliceDeps } from './types'

/** Rows asked for per page: a screenful or two. */
export const HISTORY_PAGE = 50
/** Rows kept in memory at most while scrolling (10,000 calls stay smooth). */
const MAX_ROWS = 20_000

/**
 * Rows by id, the newest copy winning, in the order first seen (a row may come twice: see
 * history-query.ts). `index` (id → position) is kept between pages, so a page costs its own size,
 * not the list's.
 */
function mergeRows(old: readonly HistoryCall[], next: readonly HistoryCall[], index: Map<string, number>): HistoryCall[] {
  let out: HistoryCall[] | null = null
  const added: HistoryCall[] = []
  for (const c of next) {
    const at = index.get(c.id)
    if (at === undefined) {
      if (old.length + added.length >= MAX_ROWS) continue
      index.set(c.id, old.length + added.length)
      added.push(c)
    } else {
      out ??= old.slice()
      out[at] = c
    }
  }
  return added.length ? (out ?? old).concat(added) : (out ?? old.slice())
}

const hasFilter = (f: HistoryFilter): boolean => Object.values(f).some((v) => v !== undefined && v !== '')

export function createCallHistorySlice({ set, get, bridge }: SliceDeps): CallHistorySlice {
  // A filter change while a page is in flight: the late page belongs to the old filter and is dropped.
  let generation = 0
  let searchSeq = 0
  /** Where each listed call is in `callHistory.items`. */
  let rowIndex = new Map<string, number>()

  async function loadPage(reset: boolean): Promise<void> {
    const h = get().callHistory
    if (!reset && (h.loading || !h.nextCursor)) return
    const gen = reset ? ++generation : generation
    set((s) => ({ callHistory: { ...s.callHistory, loading: true, error: null, loaded: true, ...(reset ? { items: [], nextCursor: null, total: null, notice: null } : {}) } }))
    const cursor = reset ? undefined : h.nextCursor ?? undefined
    const res = await bridge.invoke('calls.history', { ...h.filter, limit: HISTORY_PAGE, ...(cursor ? { cursor } : {}) })
    if (gen !== generation) return
    if (!res.ok) {
      set((s) => ({ callHistory: { ...s.callHistory, loading: false, error: res.error.message } }))
      return
    }
    const page = res.value
    if (reset) rowIndex = new Map()
    set((s) => ({
      callHistory: {
        ...s.callHistory,
        loading: false,
        items: mergeRows(reset ? [] : s.callHistory.items, page.items, rowIndex),
        nextCursor: page.nextCursor,
        total: page.total ?? s.callHistory.total,
        notice: page.notice ?? s.callHistory.notice
      }
    }))
  }

  return {
    callHistory: { filter: {}, items: [], nextCursor: null, total: null, loading: false, error: null, notice: null, loaded: false },
    search: { text: '', hits: [], searching: false, error: null, ready: true },
    afterCall: null,
    notes: {},
    csvProgress: null,

    async setHistoryFilter(filter) {
      set((s) => ({ callHistory: { ...s.callHistory, filter } }))
      await loadPage(true)
    },
    loadMoreHistory: () => loadPage(false),
    reloadHistory: () => loadPage(true),
    async refreshHistoryTop() {
      const h = get().callHistory
      if (!h.loaded) return
      const gen = generation
      const res = await bridge.invoke('calls.history', { ...h.filter, limit: 10 })
      if (!res.ok || gen !== generation) return
      // New calls go on top; ones already listed are updated where they are.
      set((s) => {
        const fresh = res.value.items.filter((c) => !rowIndex.has(c.id))
        if (fresh.length === 0) return { callHistory: { ...s.callHistory, items: mergeRows(s.callHistory.items, res.value.items, rowIndex) } }
        const items = [...fresh, ...s.callHistory.items].slice(0, MAX_ROWS)
        rowIndex = new Map(items.map((c, i) => [c.id, i]))
        return { callHistory: { ...s.callHistory, items } }
      })
    },

    async runSearch(text) {
      const seq = ++searchSeq
      const trimmed = text.trim()
      set((s) => ({ search: { ...s.search, text, searching: trimmed !== '', error: null, ...(trimmed ? {} : { hits: [] }) } }))
      if (!trimmed) return
      const res = await bridge.invoke('search.query', { text: trimmed, limit: 100 })
      if (seq !== searchSeq) return
      set((s) => ({
        search: res.ok
          ? { ...s.search, hits: res.value.hits, searching: false, ready: res.value.indexed.ready }
          : { ...s.search, hits: [], searching: false, error: res.error.message }
      }))
    },

    openAfterCall(callId, lineIndex = null) {
      // Another call's page replaces the open one's note: edits not saved there ask first.
      if (get().afterCall?.callId === callId && get().view === 'history') return set({ afterCall: { callId, lineIndex } })
      if (get().holdLeave('history', () => get().openAfterCall(callId, lineIndex), true)) return
      set({ afterCall: { callId, lineIndex }, view: 'history', openCallId: null })
      void get().loadNote(callId)
    },
    async fetchCallDetail(callId) {
      const res = await bridge.invoke('calls.get', { callId })
      return res.ok ? { kind: 'ready', call: res.value.call, transcript: res.value.transcript } : { kind: 'error', message: res.error.message }
    },
    closeAfterCall() {
      if (get().holdLeave('history', () => get().closeAfterCall(), true)) return
      set({ afterCall: null })
    },

    async loadNote(callId) {
      const res = await bridge.invoke('notes.get', { callId })
      if (res.ok) get().noteChanged(res.value)
    },
    async saveNote(callId, change) {
      const res = await bridge.invoke('notes.set', { callId, ...change })
      if (!res.ok) return res.error.message
      get().noteChanged(res.value)
      return null
    },
    noteChanged(note) {
      set((s) => ({
        notes: { ...s.notes, [note.callId]: note },
        callHistory: {
          ...s.callHistory,
          items: s.callHistory.items.map((c) => (c.id === note.callId ? { ...c, tags: note.tags, hasNote: note.note.trim() !== '' } : c))
        }
      }))
    },

    async exportCall(callId, format) {
      return get().report('Exporting the call', await bridge.invoke('calls.export', { callId, format })) ?? null
    },

    async exportCsv() {
      const filter = get().callHistory.filter
      set({ csvProgress: { rows: 0, total: null, done: false, error: null } })
      let csv = ''
      let cursor: string | undefined
      for (;;) {
        const res = await bridge.invoke('calls.exportCsv', { ...filter, ...(cursor ? { cursor } : {}) })
        if (!res.ok) {
          set((s) => ({ csvProgress: { ...(s.csvProgress ?? { rows: 0, total: null }), done: true, error: res.error.message } }))
          return null
        }
        csv += res.value.csv
        set((s) => ({ csvProgress: { rows: (s.csvProgress?.rows ?? 0) + res.value.rows, total: res.value.total ?? s.csvProgress?.total ?? null, done: !res.value.nextCursor, error: null } }))
        if (!res.value.nextCursor) return csv
        cursor = res.value.nextCursor
      }
    }
  }
}

export { hasFilter }
