import { useRef } from 'react'

/**
 * Acts on a menu pick only once the menu has closed. While open, a Radix menu keeps the keyboard
 * inside itself and, as it closes, hands it back to its button; an action that moves the keyboard
 * elsewhere (a reply box, the Unmute button) must run after that, and stop the hand-back.
 * Spread `onCloseAutoFocus` on Menu.Content and call `pick` from an item's onSelect.
 */
export function usePickAfterClose<T>(act: (value: T) => void): { pick(value: T): void; onCloseAutoFocus(e: Event): void } {
  const picked = useRef<{ value: T } | null>(null)
  return {
    pick(value) {
      picked.current = { value }
    },
    onCloseAutoFocus(e) {
      const chosen = picked.current
      picked.current = null
      if (!chosen) return // closed with Escape or a click outside: the button gets the keyboard back
      e.preventDefault()
      act(chosen.value)
    }
  }
}
