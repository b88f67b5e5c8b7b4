import { useEffect } from 'react'
import type { AppStore, NavView } from '../store/types'
import { isTyping } from './app-effects'

/** A key press that belongs to a dialog (the shortcut sheet, a confirmation) is the dialog's. */
export function inDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[role="dialog"], [role="alertdialog"]') !== null
}

/** `g` then one of these letters goes to a view (like many web consoles: "go to"). */
export const GO_KEYS: Readonly<Record<string, NavView>> = {
  m: 'monitor',
  t: 'messages',
  a: 'agents',
  n: 'numbers',
  w: 'webhooks',
  c: 'scenarios',
  h: 'history',
  u: 'usage',
  s: 'settings'
}

/**
 * How the keys go together: held together (`Ctrl` + `Enter`, the default), pressed one after the
 * other (`g` then `m`), or either one (`↑` or `↓`).
 */
export type Shortcut = { keys: string[]; does: string; join?: 'plus' | 'then' | 'or' }
export type ShortcutGroup = { title: string; items: Shortcut[] }

const goItems: Shortcut[] = Object.entries(GO_KEYS).map(([k, view]) => ({
  keys: ['g', k],
  join: 'then',
  does: `Go to ${view === 'messages' ? 'Messages (texts)' : view[0]?.toUpperCase() + view.slice(1)}`
}))

/**
 * Every shortcut of the app, as the "?" sheet lists them. A view that adds a key adds a line
 * here, so the sheet never goes stale.
 */
export const SHORTCUT_GROUPS: ShortcutGroup[] = [
  {
    title: 'Anywhere',
    items: [
      { keys: ['?'], does: 'Show this list of shortcuts' },
      { keys: ['w'], does: 'Open the call whose turn has waited longest, reply box ready' },
      { keys: ['c'], does: 'Place a call' },
      { keys: ['n'], does: 'Start a new text message' },
      ...goItems
    ]
  },
  {
    title: 'Monitor',
    items: [
      { keys: ['↑', '↓'], join: 'or', does: 'Select the previous or next call' },
      { keys: ['Home', 'End'], join: 'or', does: 'Select the first or last call' },
      { keys: ['PgUp', 'PgDn'], join: 'or', does: 'Move the selection by ten calls' },
      { keys: ['Enter'], does: 'Open the selected call' }
    ]
  },
  {
    title: 'Messages',
    items: [
      { keys: ['↑', '↓'], join: 'or', does: 'Move through the conversations' },
      { keys: ['Enter'], does: 'Open the highlighted conversation' }
    ]
  },
  {
    title: 'Call view',
    items: [
      { keys: ['Enter'], does: 'Send the reply (the answer to the turn)' },
      { keys: ['Shift', 'Enter'], does: 'New line in the reply' },
      { keys: ['Ctrl', 'Enter'], does: 'Say it now and keep the turn open (the countdown goes on)' },
      { keys: ['Alt', '1…9'], does: 'Send quick reply 1 to 9 (into the box while no turn waits)' },
      { keys: ['Alt', 'T'], does: 'Transfer the call: choose the number, then confirm' },
      { keys: ['Alt', 'A'], does: 'Switch who answers: me, or the fallback line at once' },
      { keys: ['Alt', 'E'], does: 'End the call (asks first)' },
      { keys: ['Alt', 'O'], does: 'Take the call over from autopilot (you answer its turns)' },
      { keys: ['Enter'], does: "With the copilot's draft in the box: send it as is (type to edit it)" },
      { keys: ['Esc'], does: "Clear the copilot's draft; else leave the reply box; again: back to the Monitor" }
    ]
  },
  {
    title: 'Dialogs',
    items: [
      { keys: ['Tab'], does: 'Move between controls' },
      { keys: ['Esc'], does: 'Close the dialog' }
    ]
  }
]

/** How long after `g` the second key still counts. */
const GO_WINDOW_MS = 1500

/**
 * `g` + letter navigation and `?` for the sheet. Listens in the capture phase and marks the
 * keys it uses as handled, so the second key of `g w` is not also read as `w` (oldest turn).
 */
export function useAppShortcuts(store: AppStore, openSheet: () => void): void {
  useEffect(() => {
    let goUntil = 0
    const onKey = (e: KeyboardEvent): void => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || inDialog(e.target)) return
      if (Date.now() < goUntil) {
        goUntil = 0
        const view = GO_KEYS[e.key.toLowerCase()]
        if (!view) return
        e.preventDefault()
        store.getState().setView(view)
        return
      }
      if (e.key === 'g') {
        goUntil = Date.now() + GO_WINDOW_MS
        e.preventDefault()
      } else if (e.key === '?') {
        e.preventDefault()
        openSheet()
      }
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [store, openSheet])
}
