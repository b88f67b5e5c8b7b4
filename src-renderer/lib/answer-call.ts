import type { AppStore } from '../store/types'

/** The reply box of a call's composer (ReplyComposer gives it this id). */
export const replyBoxId = (callId: string): string => `reply-${callId}`

/**
 * Opens a call ready to answer: the Call view, with the keyboard in its reply box. Used by the
 * waiting-turn alert, the `w` key and a notification's click, so all three land the same way.
 * Opening a call focuses its reply box (ReplyComposer does it on mount); a call already open
 * needs telling.
 */
export function answerCall(store: AppStore, callId: string): void {
  const s = store.getState()
  const alreadyOpen = s.view === 'monitor' && s.openCallId === callId
  void s.openCall(callId)
  if (alreadyOpen) document.getElementById(replyBoxId(callId))?.focus()
}
