import type { CallInfo } from '../../src-preload/contract'

/** The sandbox phone's pretend caller number when none was chosen (see the core's sandbox handlers). */
export const SANDBOX_CALLER = '+15550100999'

/**
 * A name for the far end: the numbers are shown next to it, so this says who they are when the
 * console knows (the sandbox phone in this window, or the sandbox's pretend caller).
 */
export function partyName(call: CallInfo, phoneCallId: string | null, sandbox: boolean): string {
  if (call.id === phoneCallId) return 'Sandbox phone'
  const remote = call.direction === 'outbound' ? call.to : call.from
  if (sandbox && remote === SANDBOX_CALLER) return 'Sandbox caller'
  return call.direction === 'outbound' ? 'Called party' : 'Caller'
}

/**
 * How the call's agent speaks: hosted agents answer themselves (in the sandbox a deterministic
 * stand-in plays the hosted agent, hence "simulated"); webhook agents wait for a person or the
 * fallback line.
 */
export function voiceModeWord(call: CallInfo, sandbox: boolean): string {
  if (call.voiceMode === 'hosted') return sandbox ? 'hosted (simulated)' : 'hosted'
  return call.answeredBy === 'fallback' ? 'webhook · fallback only' : 'webhook · you answer'
}
