import { waitingTurns } from '../../store/selectors'
import type { AppStore } from '../../store/types'

export const APP_TITLE = 'Switchboard'

/** "(2 waiting) Switchboard": the count leads, so it survives a narrow tab or taskbar button. */
export function titleFor(waiting: number): string {
  return waiting > 0 ? `(${waiting} waiting) ${APP_TITLE}` : APP_TITLE
}

/**
 * Keeps the document title on the number of turns waiting for a person. The Electron window
 * takes its title from the page, so this one line of state serves both shells.
 */
export function startDocumentTitle(store: AppStore, doc: Pick<Document, 'title'> = document): () => void {
  let shown: number | null = null
  const apply = (): void => {
    const waiting = waitingTurns(store.getState()).length
    if (waiting === shown) return
    shown = waiting
    doc.title = titleFor(waiting)
  }
  apply()
  const off = store.subscribe(apply)
  return () => {
    off()
    doc.title = APP_TITLE
  }
}
