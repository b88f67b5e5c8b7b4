import { FileText, Trash2 } from 'lucide-react'
import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../../store/store-context'
import { ConfirmDialog } from '../directory/ConfirmDialog'

/** The scenario files kept in the data folder; the one open is marked. */
export function SavedScenarios() {
  const { items, current, open, remove } = useAppStore(
    useShallow((s) => ({ items: s.savedScenarios, current: s.scenarioName, open: s.openSavedScenario, remove: s.deleteScenario }))
  )
  const [deleting, setDeleting] = useState<string | null>(null)
  return (
    <nav className="sc-saved" aria-label="Saved scenarios">
      <h2 className="sc-subhead">Saved</h2>
      {items.length === 0 ? (
        <p className="muted small">Nothing saved yet. Save the scenario on the right, or use Save as scenario on a finished call.</p>
      ) : (
        <ul>
          {items.map((s) => (
            <li key={s.name} className={s.name === current ? 'sc-saved-current' : undefined}>
              <button type="button" className="button button--quiet sc-saved-open" aria-current={s.name === current ? 'true' : undefined} onClick={() => void open(s.name)}>
                <FileText size={13} aria-hidden="true" />
                <span className="sc-saved-name">{s.name}</span>
                {s.hasBaseline ? <span className="tag small">baseline</span> : null}
              </button>
              <button type="button" className="icon-button" aria-label={`Delete ${s.name}`} title={`Delete ${s.name}`} onClick={() => setDeleting(s.name)}>
                <Trash2 size={13} aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
      )}
      {deleting ? (
        <ConfirmDialog
          title={`Delete ${deleting}?`}
          confirmLabel="Delete"
          busyLabel="Deleting…"
          onConfirm={async () => {
            await remove(deleting)
            return null
          }}
          onClose={() => setDeleting(null)}
        >
          <p>The scenario file and its baseline are removed from the data folder. Export it first to keep a copy.</p>
        </ConfirmDialog>
      ) : null}
    </nav>
  )
}
