/** What the receiver needs from a parsed envelope (agentphone-api.md §3.3); null where absent. */
export interface WebhookFacts {
  event: string | null
  channel: string | null
  callId: string | null
  conversationId: string | null
  transcript: string | null
  /** Whose number the delivery is about: the caller, or on an outbound call the person called. */
  party: string | null
}

export type ParseResult =
  | { ok: true; envelope: Record<string, unknown>; facts: WebhookFacts; text: string }
  | { ok: false; reason: 'invalid_utf8' | 'invalid_json' | 'not_an_object' | 'too_deep' }

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/** Whether `text` holds more than `limit` opening brackets at all (in strings or not): a native scan. */
function opensExceed(text: string, limit: number): boolean {
  let opens = 0
  for (const bracket of ['{', '[']) {
    for (let at = text.indexOf(bracket); at >= 0; at = text.indexOf(bracket, at + 1)) if (++opens > limit) return true
  }
  return false
}

/** Deepest `[`/`{` nesting outside strings; stops counting once past `limit`. */
export function nestingExceeds(text: string, limit: number): boolean {
  // Nesting can be no deeper than the brackets there are: a usual webhook has a handful, and
  // this check alone costs less than walking every character (a profile showed that walk).
  if (!opensExceed(text, limit)) return false
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true
    } else if (c === 0x7d || c === 0x5d) depth--
  }
  return false
}

/**
 * Decodes strictly (a bad byte is refused, not replaced) and parses. Deep nesting is refused before
 * JSON.parse: a payload a few thousand levels deep would later overflow the stack when re-serialised.
 */
export function parseWebhookBody(raw: Buffer, maxDepth: number): ParseResult {
  let text: string
  try {
    text = strictUtf8.decode(raw)
  } catch {
    return { ok: false, reason: 'invalid_utf8' }
  }
  if (nestingExceeds(text, maxDepth)) return { ok: false, reason: 'too_deep' }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, reason: 'invalid_json' }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'not_an_object' }
  const envelope = value as Record<string, unknown>
  return { ok: true, envelope, facts: factsOf(envelope), text }
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}

export function factsOf(envelope: Record<string, unknown>): WebhookFacts {
  const data = typeof envelope.data === 'object' && envelope.data !== null ? (envelope.data as Record<string, unknown>) : {}
  return {
    event: str(envelope.event),
    channel: str(envelope.channel),
    callId: str(data.callId),
    conversationId: str(data.conversationId),
    transcript: str(data.transcript),
    party: partyOf(data)
  }
}

/** Read here, where the body is already parsed, so a list of deliveries never parses bodies again. */
function partyOf(data: Record<string, unknown>): string | null {
  const n = data.direction === 'outbound' ? (data.to ?? data.toNumber) : (data.from ?? data.fromNumber)
  return typeof n === 'string' && n !== '' ? n : null
}

/** A voice turn wants a spoken answer (§3.2); every other event only wants a 2xx. */
export function isVoiceTurn(facts: WebhookFacts): boolean {
  return facts.event === 'agent.message' && facts.channel === 'voice'
}
