import { useEffect } from 'react'
import { oldestWaitingTurn } from '../store/selectors'
import type { AppStore, ThemeChoice } from '../store/types'
import { answerCall } from './answer-call'
import { inDialog } from './shortcuts'

/** True when a key press belongs to a text field, so single-letter shortcuts stay out of the way. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)
}

export const NOBODY_WAITING = 'Nobody is waiting for an answer right now.'

/**
 * The single keys that work from every view (outside a text field and any dialog): `w` opens the
 * call whose turn has waited longest — the one keystroke a supervisor needs when the queue backs
 * up, and with nobody waiting it says so rather than doing nothing — `c` places a call and `n`
 * starts a text.
 */
export function useGlobalKeys(store: AppStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || inDialog(e.target)) return
      const s = store.getState()
      if (e.key === 'c' || e.key === 'n') {
        e.preventDefault()
        s.openOutreach(e.key === 'c' ? 'place-call' : 'new-message')
        return
      }
      if (e.key !== 'w') return
      e.preventDefault()
      const turn = oldestWaitingTurn(s)
      if (turn) answerCall(store, turn.callId)
      else s.pushToast('info', NOBODY_WAITING)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [store])
}

/** "system" leaves the attribute off so the stylesheet's prefers-color-scheme rule decides. */
export function useThemeAttribute(theme: ThemeChoice): void {
  useEffect(() => {
    const root = document.documentElement
    if (theme === 'system') delete root.dataset.theme
    else root.dataset.theme = theme
  }, [theme])
}
