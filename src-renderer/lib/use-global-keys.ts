import { useEffect } from 'react'
import { oldestWaitingTurn } from '../store/selectors'
import type { AppStore } from '../store/types'

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
      if (e.key !== 'w' || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return
      const turn = oldestWaitingTurn(store.getState())
      if (!turn) return
      e.preventDefault()
      void store.getState().openCall(turn.callId)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [store])
}
