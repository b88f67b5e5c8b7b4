import { useEffect } from 'react'
import { useAppStoreApi } from '../store/store-context'
import type { AppStore } from '../store/types'

/**
 * A form says whether it holds edits not saved yet; while it does, leaving its view asks first
 * (the dialog is UnsavedChangesDialog) and so does closing or reloading the page. Unmounting
 * takes the form off the list. Any form can use it: Settings sections, and whatever is added.
 */
export function useUnsaved(key: string, label: string, dirty: boolean): void {
  const store = useAppStoreApi()
  useEffect(() => {
    store.getState().setUnsaved(key, dirty ? label : null)
  }, [store, key, label, dirty])
  useEffect(() => () => store.getState().setUnsaved(key, null), [store, key])
}

/** "Voice turns", "Voice turns and Quick replies", "Voice turns, You and Quick replies". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

/**
 * Closing or reloading the page with unsaved edits is cancelled here: a browser then asks its own
 * question (pages cannot word it); in the Electron window the shell asks (unload-prompt.ts).
 */
export function startUnloadGuard(store: AppStore, win: Window = window): () => void {
  const onBeforeUnload = (e: BeforeUnloadEvent): void => {
    if (Object.keys(store.getState().unsaved).length === 0) return
    e.preventDefault()
    // Older browsers ask only when it is set to a non-empty string (whose words they ignore).
    e.returnValue = 'unsaved'
  }
  win.addEventListener('beforeunload', onBeforeUnload)
  return () => win.removeEventListener('beforeunload', onBeforeUnload)
}
