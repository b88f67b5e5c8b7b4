import { FileSpreadsheet, Loader2 } from 'lucide-react'
import { useShallow } from 'zustand/react/shallow'
import { downloadFile } from '../../lib/download-file'
import { plural } from '../../lib/words'
import { useAppStore } from '../../store/store-context'

/** The filtered list as CSV: every page, with the rows counted as they come. */
export function CsvExport() {
  const { progress, exportCsv } = useAppStore(useShallow((s) => ({ progress: s.csvProgress, exportCsv: s.exportCsv })))
  const busy = progress !== null && !progress.done
  const run = async (): Promise<void> => {
    const csv = await exportCsv()
    if (csv !== null) downloadFile(`calls-${new Date().toISOString().slice(0, 10)}.csv`, csv, 'text/csv')
  }
  return (
    <span className="csv-export">
      <button type="button" className="button" onClick={() => void run()} disabled={busy}>
        {busy ? <Loader2 size={13} aria-hidden="true" className="wh-spin" /> : <FileSpreadsheet size={13} aria-hidden="true" />} Export CSV
      </button>
      {progress ? (
        <span className={`small ${progress.error ? '' : 'muted'}`} role={progress.error ? 'alert' : 'status'}>
          {progress.error
            ? `The export stopped: ${progress.error}`
            : progress.done
              ? `${plural(progress.rows, 'call')} exported`
              : progress.total
                ? `${progress.rows} of ${plural(progress.total, 'call')}…`
                : `${plural(progress.rows, 'call')}…`}
        </span>
      ) : null}
    </span>
  )
}
