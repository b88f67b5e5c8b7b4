import { parsePhoneNumberFromString } from 'libphonenumber-js'
import type { Agent } from '../../../src-preload/contract'
import type { AgentCreate, AgentPatch } from '../../store/directory-slice'

/** The editor's fields, all as typed (strings), so nothing the person wrote is lost on a refusal. */
export type AgentForm = {
  name: string
  voiceMode: 'webhook' | 'hosted'
  systemPrompt: string
  beginMessage: string
  voice: string
  transferNumber: string
}

export type AgentFormErrors = Partial<Record<keyof AgentForm, string>>

export const EMPTY_FORM: AgentForm = { name: '', voiceMode: 'webhook', systemPrompt: '', beginMessage: '', voice: '', transferNumber: '' }

/** Limits from the bridge contract, checked here so the person hears about them before sending. */
export const LIMITS = { name: 200, systemPrompt: 20000, beginMessage: 1000 } as const

export function formFromAgent(a: Agent): AgentForm {
  return {
    name: a.name,
    voiceMode: a.voiceMode,
    systemPrompt: a.systemPrompt ?? '',
    beginMessage: a.beginMessage ?? '',
    voice: a.voice ?? '',
    transferNumber: a.transferNumber ?? ''
  }
}

export type TransferCheck = { state: 'empty' } | { state: 'ok'; e164: string; display: string } | { state: 'bad'; reason: string }

/**
 * A transfer number as typed: a bare 10-digit number is taken as US, and the API accepts +1
 * (US/Canada) numbers only, so anything else is refused here rather than by the server.
 */
export function checkTransfer(raw: string): TransferCheck {
  const text = raw.trim()
  if (!text) return { state: 'empty' }
  const p = parsePhoneNumberFromString(text, 'US')
  if (!p || !p.isPossible()) return { state: 'bad', reason: 'Not a complete phone number yet (e.g. 415 555 0100 or +1 415 555 0100).' }
  if (p.countryCallingCode !== '1') return { state: 'bad', reason: 'Transfers go to US or Canadian (+1) numbers only.' }
  if (!p.isValid()) return { state: 'bad', reason: 'That is not a valid US or Canadian number.' }
  return { state: 'ok', e164: p.number, display: p.formatInternational() }
}

export function validateAgentForm(f: AgentForm): AgentFormErrors {
  const errors: AgentFormErrors = {}
  if (!f.name.trim()) errors.name = 'Give the agent a name.'
  else if (f.name.length > LIMITS.name) errors.name = `At most ${LIMITS.name} characters.`
  // The API refuses a hosted agent without a prompt: the hosted AI would have nothing to go on.
  if (f.voiceMode === 'hosted' && !f.systemPrompt.trim()) errors.systemPrompt = 'A hosted agent needs a system prompt: it tells the AI who it is and what to do.'
  else if (f.systemPrompt.length > LIMITS.systemPrompt) errors.systemPrompt = `At most ${LIMITS.systemPrompt} characters.`
  if (f.beginMessage.length > LIMITS.beginMessage) errors.beginMessage = `At most ${LIMITS.beginMessage} characters.`
  const t = checkTransfer(f.transferNumber)
  if (t.state === 'bad') errors.transferNumber = t.reason
  return errors
}

const transferOf = (f: AgentForm): string | null => {
  const t = checkTransfer(f.transferNumber)
  return t.state === 'ok' ? t.e164 : null
}

/** A new agent: empty optional fields are left out so the API applies its own defaults. */
export function toCreateParams(f: AgentForm): AgentCreate {
  const transfer = transferOf(f)
  return {
    name: f.name.trim(),
    voiceMode: f.voiceMode,
    ...(f.systemPrompt.trim() ? { systemPrompt: f.systemPrompt } : {}),
    ...(f.beginMessage.trim() ? { beginMessage: f.beginMessage } : {}),
    ...(f.voice ? { voice: f.voice } : {}),
    ...(transfer ? { transferNumber: transfer } : {})
  }
}

/** Only what changed, since PATCH touches only the fields sent; a cleared field is sent as null. */
export function toUpdatePatch(before: AgentForm, f: AgentForm): AgentPatch {
  const patch: AgentPatch = {}
  if (f.name.trim() !== before.name) patch.name = f.name.trim()
  if (f.voiceMode !== before.voiceMode) patch.voiceMode = f.voiceMode
  if (f.systemPrompt !== before.systemPrompt || (patch.voiceMode && f.systemPrompt.trim())) patch.systemPrompt = f.systemPrompt.trim() ? f.systemPrompt : null
  if (f.beginMessage !== before.beginMessage || (patch.voiceMode && f.beginMessage.trim())) patch.beginMessage = f.beginMessage.trim() ? f.beginMessage : null
  if (f.voice && f.voice !== before.voice) patch.voice = f.voice
  if (f.transferNumber.trim() !== before.transferNumber.trim()) patch.transferNumber = transferOf(f)
  return patch
}
