/**
 * Reads a voice webhook's answer exactly as agentphone-api.md §4 says: by Content-Type
 * (`application/x-ndjson` ⇒ line by line as the bytes arrive, anything else ⇒ one JSON body), only
 * JSON objects count, and `press_digit` / `dtmf` are aliases of `digits` (`digits` wins).
 */
import type { IncomingMessage } from 'node:http'

/** One normalised response object. */
export interface VoiceLine {
  text: string
  interim: boolean
  digits?: string
  /** `hangup: true` or `action: "hangup"`. */
  hangup: boolean
  action?: string
  /** A transfer target given in the reply itself (one third-party tool sends it); else the agent's. */
  transferNumber?: string
}

function asDigits(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return undefined
}

/** A parsed value to a line, or null when it is not a JSON object (AgentPhone discards those). */
export function normalizeVoiceObject(value: unknown): VoiceLine | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null
  const o = value as Record<string, unknown>
  const digits = asDigits(o.digits) ?? asDigits(o.press_digit) ?? asDigits(o.dtmf)
  // `{"transfer": true}` is how one reference server asks for a transfer (agentphone-api.md §9.7).
  const action = typeof o.action === 'string' ? o.action : o.transfer === true ? 'transfer' : undefined
  const transferNumber = typeof o.transferNumber === 'string' && o.transferNumber !== '' ? o.transferNumber : undefined
  return {
    text: typeof o.text === 'string' ? o.text : '',
    interim: o.interim === true,
    ...(digits !== undefined ? { digits } : {}),
    hangup: o.hangup === true || action === 'hangup',
    ...(action !== undefined ? { action } : {}),
    ...(transferNumber !== undefined ? { transferNumber } : {})
  }
}

export function parseVoiceLine(raw: string): VoiceLine | null {
  const trimmed = raw.trim()
  if (!trimmed) return null
  try {
    return normalizeVoiceObject(JSON.parse(trimmed))
  } catch {
    return null
  }
}

export function isNdjson(contentType: string | undefined): boolean {
  return (contentType ?? '').toLowerCase().split(';')[0]?.trim() === 'application/x-ndjson'
}

/**
 * Yields each acted-on object in order. Stopping early (the first final line) destroys the
 * response so the webhook server sees the turn is over.
 */
export async function* readVoiceResponse(res: IncomingMessage): AsyncGenerator<VoiceLine> {
  for await (const raw of readReplyUnits(res)) {
    const line = parseVoiceLine(raw)
    if (line) yield line
  }
}

/**
 * The response as AgentPhone splits it, before judging: each NDJSON line as it arrives, or the
 * whole body when it is not NDJSON. The scenario runner reads these too, to say why a line was
 * discarded. Stopping early destroys the response.
 */
export async function* readReplyUnits(res: IncomingMessage): AsyncGenerator<string> {
  try {
    if (!isNdjson(res.headers['content-type'])) {
      const chunks: Buffer[] = []
      for await (const chunk of res) chunks.push(chunk as Buffer)
      yield Buffer.concat(chunks).toString('utf8')
      return
    }
    // Split on bytes, not on decoded text, so a multi-byte character cut across chunks survives.
    let pending = Buffer.alloc(0)
    for await (const chunk of res) {
      pending = Buffer.concat([pending, chunk as Buffer])
      let nl = pending.indexOf(0x0a)
      while (nl !== -1) {
        const line = pending.subarray(0, nl).toString('utf8')
        pending = pending.subarray(nl + 1)
        if (line.trim()) yield line
        nl = pending.indexOf(0x0a)
      }
    }
    const last = pending.toString('utf8')
    if (last.trim()) yield last
  } finally {
    res.destroy()
  }
}
