import { Trash2 } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { Settings } from '../../../src-preload/contract'
import { useUnsaved } from '../../lib/leave-guard'
import { useAppStore } from '../../store/store-context'
import { ConfirmDialog } from '../directory/ConfirmDialog'
import { Field, SaveResult } from './Field'

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`
}

/**
 * How long the data folder keeps calls, transcripts and webhook deliveries, and Clear history
 * (asked first: it cannot be undone). Live calls are never cleared.
 */
export function HistorySection({ settings }: { settings: Settings }) {
  const save = useAppStore((s) => s.saveSettings)
  const { history, historyError, loadHistory, clearHistory } = useAppStore(
    useShallow((s) => ({ history: s.history, historyError: s.historyError, loadHistory: s.loadHistory, clearHistory: s.clearHistory }))
  )
  const [days, setDays] = useState(String(settings.historyRetentionDays))
  const [error, setError] = useState<string | undefined>()
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)
  const [confirming, setConfirming] = useState(false)
  useUnsaved('history', 'History', days.trim() !== String(settings.historyRetentionDays))
  useEffect(() => {
    void loadHistory()
  }, [loadHistory])

  const submit = async (): Promise<void> => {
    const n = Number(days.trim())
    if (!Number.isInteger(n) || n < 1 || n > 3650) return setError('Keep history for a whole number of days from 1 to 3650.')
    const refused = await save({ historyRetentionDays: n })
    setResult(refused ? { ok: false, text: `Not saved: ${refused}` } : { ok: true, text: `Saved: history is kept for ${n === 1 ? '1 day' : `${n} days`}.` })
    if (!refused) void loadHistory()
  }

  return (
    <div className="st-body">
      <form
        className="st-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <Field
          label="Keep history for (days)"
          inputMode="numeric"
          value={days}
          onValue={(v) => {
            setDays(v)
            setError(undefined)
            setResult(null)
          }}
          error={error}
          hint="Calls, transcripts and webhook deliveries older than this are removed from the data folder, a day at a time."
        />
        <div className="st-actions">
          <button type="submit" className="button button--primary">
            Save retention
          </button>
          <SaveResult result={result} />
        </div>
      </form>
      <p className="muted small" role="status">
        {history
          ? history.files === 0 || history.oldestAt === null
            ? 'No history is kept yet.'
            : `${size(history.bytes)} of history in ${history.files} ${history.files === 1 ? 'file' : 'files'}, since ${new Date(history.oldestAt).toLocaleString()}.`
          : historyError
            ? `The history could not be read: ${historyError}`
            : 'Reading the history…'}
      </p>
      <div className="st-actions">
        <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
          <Trash2 size={14} aria-hidden="true" /> Clear history…
        </button>
      </div>
      {confirming ? (
        <ConfirmDialog
          title="Clear history?"
          confirmLabel="Clear history"
          busyLabel="Clearing…"
          onConfirm={clearHistory}
          onClose={() => setConfirming(false)}
        >
          Every ended call, its transcript and every stored webhook delivery is removed from this computer, for good.
          Calls that are live now stay, and so do agents, numbers and messages kept by AgentPhone.
        </ConfirmDialog>
      ) : null}
    </div>
  )
}
