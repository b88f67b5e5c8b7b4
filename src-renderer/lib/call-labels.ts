import type { CallInfo } from '../../src-preload/contract'
import { formatPhone } from './format'

/** The sandbox phone's pretend caller number when none was chosen (see the core's sandbox handlers). */
export const SANDBOX_CALLER = '+15550100999'

/**
 * A name for the far end, the same while the call is live and after it ended: the sandbox phone
 * (whose number is the sandbox's pretend caller), else the caller of an inbound call or the person
 * an outbound call rang. The numbers are shown next to it.
 */
export function partyName(call: CallInfo, phoneCallId: string | null, sandbox: boolean): string {
  const remote = call.direction === 'outbound' ? call.to : call.from
  if (call.id === phoneCallId || (sandbox && remote === SANDBOX_CALLER)) return 'Sandbox phone'
  return partyRole(call, 'title')
}

/** A name for a number the console knows (the sandbox phone's), or null: then the number is the name. */
export function knownName(number: string | null | undefined, sandbox: boolean): string | null {
  return sandbox && number === SANDBOX_CALLER ? 'Sandbox phone' : null
}

/** What the far end is to this call: "Caller" on an inbound call, "Person called" on an outbound one. */
export function partyRole(call: Pick<CallInfo, 'direction'>, form: 'title' | 'lower'): string {
  const word = call.direction === 'outbound' ? 'Person called' : 'Caller'
  return form === 'title' ? word : word.toLowerCase()
}

/** "the caller", "the person called", or "+1 415 555 0100" when the sandbox phone is not the party. */
export function partyPhrase(call: CallInfo, sandbox: boolean): string {
  const remote = call.direction === 'outbound' ? call.to : call.from
  if (sandbox && remote === SANDBOX_CALLER) return 'the sandbox phone'
  return `the ${partyRole(call, 'lower')} (${formatPhone(remote)})`
}

/**
 * Who answers the call's turns, in a support lead's words: the AI agent itself (in the sandbox a
 * deterministic stand-in plays it, hence "simulated"), a person, or the fallback line at once.
 */
export function voiceModeWord(call: CallInfo, sandbox: boolean): string {
  if (call.voiceMode === 'hosted') return sandbox ? 'AI answers (simulated)' : 'AI answers'
  return call.answeredBy === 'fallback' ? 'Fallback line answers' : 'You answer'
}
