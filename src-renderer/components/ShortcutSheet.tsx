import { Keyboard } from 'lucide-react'
import { Fragment, useCallback, useState } from 'react'
import { SHORTCUT_GROUPS, useAppShortcuts } from '../lib/shortcuts'
import { useAppStoreApi } from '../store/store-context'
import { DialogFrame } from './dialogs/DialogFrame'

const JOIN_WORD = { plus: '+', then: 'then', or: 'or' } as const

/**
 * The "?" sheet: every shortcut of the app in one dialog, and the header button that opens it
 * (so people who do not know about "?" can still find the keys).
 */
export function ShortcutSheet() {
  const store = useAppStoreApi()
  const [open, setOpen] = useState(false)
  const show = useCallback(() => setOpen(true), [])
  useAppShortcuts(store, show)
  return (
    <>
      <button type="button" className="button button--quiet" aria-keyshortcuts="?" title="Keyboard shortcuts (?)" onClick={show}>
        <Keyboard size={14} aria-hidden="true" /> Keys
        <span className="sr-only"> — keyboard shortcuts</span>
      </button>
      <DialogFrame
        open={open}
        onOpenChange={setOpen}
        title="Keyboard shortcuts"
        description="Single-letter keys work whenever the cursor is not in a text field. “+” means hold the keys together; “then” means one after the other."
      >
        {/* Focusable, so the list scrolls by keyboard on a short window (axe: scrollable-region-focusable). */}
        <div className="shortcut-sheet" tabIndex={0} role="region" aria-label="All shortcuts">
          {SHORTCUT_GROUPS.map((group) => (
            <section key={group.title} aria-labelledby={`keys-${group.title}`}>
              <h3 id={`keys-${group.title}`} className="shortcut-group">
                {group.title}
              </h3>
              <dl className="shortcut-list">
                {group.items.map((item) => (
                  <Fragment key={`${item.keys.join('+')}:${item.does}`}>
                    <dt>
                      {item.keys.map((k, i) => (
                        <Fragment key={i}>
                          {i > 0 ? <span className="muted key-join">{JOIN_WORD[item.join ?? 'plus']}</span> : null}
                          <kbd>{k}</kbd>
                        </Fragment>
                      ))}
                    </dt>
                    <dd>{item.does}</dd>
                  </Fragment>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </DialogFrame>
    </>
  )
}
