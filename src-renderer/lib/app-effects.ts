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

/**
 * `w` anywhere (outside a text field) opens the call whose turn has waited longest: the one
 * keystroke a supervisor needs when the queue backs up.
 */
export function useGlobalKeys(store: AppStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'w' || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || inDialog(e.target)) return
      const s = store.getState()
      const turn = oldestWaitingTurn(s)
      if (!turn) return
      e.preventDefault()
      answerCall(store, turn.callId)
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
