import { checkBaseUrl } from '../../../src-preload/base-url-rule'
import type { Settings } from '../../../src-preload/contract'

/** Limits the core enforces (SettingsSchema in the contract), repeated to explain them before saving. */
export const MAX_LINE = 500
export const MAX_QUICK_REPLIES = 20

export type VoiceDraft = {
  fillerText: string
  fillerEnabled: boolean
  fallbackText: string
  deadlineMarginSeconds: string
  webhookTimeoutSeconds: string
}
export type Errors<K extends string> = Partial<Record<K, string>>

export function voiceDraftOf(s: Settings): VoiceDraft {
  return {
    fillerText: s.fillerText,
    fillerEnabled: s.fillerEnabled,
    fallbackText: s.fallbackText,
    deadlineMarginSeconds: String(s.deadlineMarginSeconds),
    webhookTimeoutSeconds: String(s.webhookTimeoutSeconds)
  }
}

/** Checks a Voice turns draft; answers the patch to save, or the message for each wrong field. */
export function validateVoice(d: VoiceDraft): { patch: Partial<Settings> } | { errors: Errors<keyof VoiceDraft> } {
  const errors: Errors<keyof VoiceDraft> = {}
  if (d.fillerEnabled && !d.fillerText.trim()) errors.fillerText = 'Write a holding line, or turn it off.'
  if (d.fillerText.length > MAX_LINE) errors.fillerText = `The holding line is ${d.fillerText.length} characters; the limit is ${MAX_LINE}.`
  if (!d.fallbackText.trim()) errors.fallbackText = 'The fallback line is what the caller hears when nobody answers in time: it cannot be empty.'
  if (d.fallbackText.length > MAX_LINE) errors.fallbackText = `The fallback line is ${d.fallbackText.length} characters; the limit is ${MAX_LINE}.`
  const margin = Number(d.deadlineMarginSeconds.trim())
  if (!d.deadlineMarginSeconds.trim() || !Number.isFinite(margin) || margin < 1 || margin > 30) {
    errors.deadlineMarginSeconds = 'Say how many seconds early the fallback line speaks: a number from 1 to 30.'
  }
  const timeout = Number(d.webhookTimeoutSeconds.trim())
  if (!d.webhookTimeoutSeconds.trim() || !Number.isInteger(timeout) || timeout < 5 || timeout > 120) {
    errors.webhookTimeoutSeconds = 'Say how long AgentPhone waits: a whole number of seconds from 5 to 120.'
  }
  if (!errors.deadlineMarginSeconds && !errors.webhookTimeoutSeconds && margin >= timeout) {
    errors.deadlineMarginSeconds = 'This must be shorter than how long AgentPhone waits, or no time is left to answer.'
  }
  if (Object.keys(errors).length > 0) return { errors }
  return {
    patch: {
      fillerText: d.fillerText.trim(),
      fillerEnabled: d.fillerEnabled,
      fallbackText: d.fallbackText.trim(),
      deadlineMarginSeconds: margin,
      webhookTimeoutSeconds: timeout
    }
  }
}

/** Quick replies: none empty, none too long, at most 20. Errors are keyed by position. */
export function validateQuickReplies(items: readonly string[]): Record<number, string> {
  const errors: Record<number, string> = {}
  items.forEach((t, i) => {
    if (!t.trim()) errors[i] = `Reply ${i + 1} is empty: write it or delete it.`
    else if (t.length > MAX_LINE) errors[i] = `Reply ${i + 1} is ${t.length} characters; the limit is ${MAX_LINE}.`
  })
  return errors
}

export type ConnectionDraft = { baseUrl: string; receiverPort: string; tunnelUrl: string }

function isHttpUrl(v: string): boolean {
  try {
    const u = new URL(v)
    return u.protocol === 'http:' || u.protocol === 'https:'
  } catch {
    return false
  }
}

export function validateConnection(d: ConnectionDraft): Errors<keyof ConnectionDraft> {
  const errors: Errors<keyof ConnectionDraft> = {}
  if (!isHttpUrl(d.baseUrl.trim())) errors.baseUrl = 'The base URL must be a full http(s) address, like https://api.agentphone.ai.'
  else {
    // The API key is sent there: https, or this machine only (the core refuses anything else too).
    const rule = checkBaseUrl(d.baseUrl.trim())
    if (!rule.ok) errors.baseUrl = rule.message
  }
  const port = Number(d.receiverPort.trim())
  if (d.receiverPort.trim() && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    errors.receiverPort = 'The receiver port must be a whole number from 0 (any free port) to 65535.'
  }
  if (d.tunnelUrl.trim() && !isHttpUrl(d.tunnelUrl.trim())) errors.tunnelUrl = 'The tunnel URL must be a full http(s) address, or empty.'
  return errors
}

export function validateApiKey(key: string): string | null {
  const k = key.trim()
  if (!k) return 'Paste the API key from the AgentPhone dashboard.'
  if (k.length < 8) return 'That API key is too short: copy the whole key.'
  if (k.length > 500) return 'That is too long to be an API key.'
  return null
}
