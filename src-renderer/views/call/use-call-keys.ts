import { useEffect, useRef } from 'react'
import { isTyping } from '../../lib/app-effects'
import { inDialog } from '../../lib/shortcuts'

export type CallKeyActions = {
  /** Alt+1…Alt+9: the quick reply with that number (1-based). */
  quickReply?: (n: number) => void
  transfer?: () => void
  toggleAnswerer?: () => void
  endCall?: () => void
  /** Alt+O: take the call over from autopilot. */
  takeOver?: () => void
  /** Escape outside a text field. */
  back?: () => void
  /** Escape inside a text field: leave the field (so a second Escape goes back). */
  leaveField?: () => void
}

/** A text field outside the Call view (the sandbox phone's boxes, a search): its keys are its own. */
function typingElsewhere(target: EventTarget | null): boolean {
  return isTyping(target) && !(target instanceof Element && target.closest('.call-view'))
}

/**
 * The call view's keys. Alt combinations work even while typing a reply (that is when they are
 * needed) but never while typing anywhere else, so the sandbox phone's "Say" box cannot send a
 * quick reply or end the call. They are matched on `code` because Alt+digit types a symbol on
 * some layouts (macOS).
 */
export function useCallKeys(actions: CallKeyActions): void {
  const ref = useRef(actions)
  ref.current = actions
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || inDialog(e.target) || typingElsewhere(e.target)) return
      const a = ref.current
      if (e.key === 'Escape') {
        const handler = isTyping(e.target) ? a.leaveField : a.back
        if (!handler) return
        e.preventDefault()
        handler()
        return
      }
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return
      const digit = /^(?:Digit|Numpad)([1-9])$/.exec(e.code)?.[1]
      const handler = digit
        ? a.quickReply && (() => a.quickReply?.(Number(digit)))
        : e.code === 'KeyT'
          ? a.transfer
          : e.code === 'KeyA'
            ? a.toggleAnswerer
            : e.code === 'KeyE'
              ? a.endCall
              : e.code === 'KeyO'
                ? a.takeOver
                : undefined
      if (!handler) return
      e.preventDefault()
      handler()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
