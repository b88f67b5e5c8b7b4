import { useEffect, useRef } from 'react'
import { isTyping } from '../../lib/app-effects'
import { dialogIsOpen } from './DialogFrame'

/**
 * A bare-letter shortcut for the view that mounts it: ignored while typing, with a modifier held,
 * or while a dialog is open.
 */
export function useLetterShortcut(letter: string, action: () => void): void {
  const latest = useRef(action)
  latest.current = action
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== letter || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || isTyping(e.target) || dialogIsOpen()) return
      e.preventDefault()
      latest.current()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [letter])
}
