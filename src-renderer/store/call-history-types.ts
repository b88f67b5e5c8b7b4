import type { CallInfo, CallNote, HistoryCall, HistoryFilter, SearchHit, TranscriptTurn } from '../../src-preload/contract'

/** Where a CSV export is: rows written so far, of how many (when AgentPhone said). */
export type CsvProgress = { rows: number; total: number | null; done: boolean; error: string | null }

/** The call opened from History, and the transcript line to bring into view (a search hit). */
export type AfterCallTarget = { callId: string; lineIndex: number | null }

export interface CallHistorySlice {
  callHistory: {
    filter: HistoryFilter
    items: HistoryCall[]
    nextCursor: string | null
    total: number | null
    loading: boolean
    error: string | null
    notice: string | null
    /** Whether the first page has been asked for since the filter last changed. */
    loaded: boolean
  }
  search: { text: string; hits: SearchHit[]; searching: boolean; error: string | null; ready: boolean }
  afterCall: AfterCallTarget | null
  notes: Record<string, CallNote>
  csvProgress: CsvProgress | null
  /** Replaces the filter and loads the first page again. */
  setHistoryFilter(filter: HistoryFilter): Promise<void>
  /** The next page, if there is one and none is loading. */
  loadMoreHistory(): Promise<void>
  reloadHistory(): Promise<void>
  /** A call ended (or its note changed): its row is fetched again and put in place. */
  refreshHistoryTop(): Promise<void>
  runSearch(text: string): Promise<void>
  openAfterCall(callId: string, lineIndex?: number | null): void
  /** A call and its whole transcript, for the view afterwards (not kept in the store: it can be long). */
  fetchCallDetail(callId: string): Promise<{ kind: 'ready'; call: CallInfo; transcript: TranscriptTurn[] } | { kind: 'error'; message: string }>
  closeAfterCall(): void
  loadNote(callId: string): Promise<void>
  saveNote(callId: string, change: { note?: string; tags?: string[] }): Promise<string | null>
  noteChanged(note: CallNote): void
  /** Asks the core for the call as text or JSON; answers the file (the view saves it). */
  exportCall(callId: string, format: 'text' | 'json'): Promise<{ filename: string; mimeType: string; content: string } | null>
  /** Pages through the filtered list as CSV, with progress; answers the whole file, or null if it failed. */
  exportCsv(): Promise<string | null>
}
