import { ArrowRight, History } from 'lucide-react'
import { useAppStore } from '../../store/store-context'

/**
 * Where finished calls went: the Monitor is for calls happening now, and one list of every call,
 * with dates, search and paging, is History (a call stays on the board for a moment after it ends).
 */
export function HistoryLink() {
  const setView = useAppStore((s) => s.setView)
  return (
    <p className="history-link small">
      <History size={13} aria-hidden="true" />
      <span className="muted">Finished calls, with their transcripts and recordings, are in History.</span>
      <button type="button" className="button button--quiet" onClick={() => setView('history')} aria-keyshortcuts="g h">
        Open History <ArrowRight size={13} aria-hidden="true" />
      </button>
    </p>
  )
}
