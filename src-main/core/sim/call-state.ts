/** Where a call stands, shared by the engine, the wire shapes and the recording. */
import type { CallRec, CallStatus } from './types'

const TERMINAL: ReadonlySet<CallStatus> = new Set(['completed', 'failed', 'busy', 'no-answer'])

export const isOver = (call: CallRec): boolean => TERMINAL.has(call.status)

/** A call that connected, ended and was not placed with `disableRecording` has a recording. */
export const hasRecording = (call: CallRec): boolean => isOver(call) && call.answeredAt !== null && call.recording !== false

/** Whole seconds of talk, from the answer to the end: 0 for a call never answered, null while live. */
export function durationSeconds(c: CallRec): number | null {
  if (!c.endedAt) return null
  if (!c.answeredAt) return 0
  return Math.max(0, Math.round((Date.parse(c.endedAt) - Date.parse(c.answeredAt)) / 1000))
}
