import type { SliceDeps } from './types'

/**
 * The Call view's actions that cannot be undone wait here for a yes: ending the call, saying a line
 * and hanging up, transferring. Buttons and keys (Alt+E, Alt+T) ask the same way; the dialog is
 * CallConfirmDialog. A confirmation, not a few seconds' undo: a caller's turn runs on a deadline of
 * seconds, and the core would have to hold the line back that long.
 */
export type CallConfirm =
  | { kind: 'end'; callId: string }
  | { kind: 'transfer'; callId: string }
  /** `words`: what the caller hears before the line drops; `send` does it once confirmed. */
  | { kind: 'hangup'; callId: string; words: string; send: () => Promise<unknown> }

export interface CallConfirmSlice {
  callConfirm: CallConfirm | null
  askCallConfirm(confirm: CallConfirm): void
  closeCallConfirm(): void
}

export function createCallConfirmSlice({ set }: SliceDeps): CallConfirmSlice {
  return {
    callConfirm: null,
    askCallConfirm(callConfirm) {
      set({ callConfirm })
    },
    closeCallConfirm() {
      set({ callConfirm: null })
    }
  }
}
