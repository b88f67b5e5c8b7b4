/**
 * `app.diagnostics`: one blob a person can paste into a support request (Help › Copy diagnostics).
 * Every secret is redacted twice over: the values the session knows (API key, webhook secrets) are
 * cut wherever they appear, log lines included, and anything shaped like a key or token goes too.
 */
import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { API_KEY_SECRET, LAST_DELIVERY_KEY, OUR_WEBHOOK_KEY, WEBHOOK_SECRET } from '../live/keys'
import type { SessionContext } from './context'
import type { HandlerMap } from './types'

export interface DiagnosticsSources {
  journalDir: string
  recentLogLines?: () => string[]
}

const REDACTED = '[redacted]'
/** Key- and token-shaped strings, whoever logged them. */
const SECRET_SHAPES: Array<[RegExp, string]> = [
  [/\b(?:sk|pk|rk)_[A-Za-z0-9_]{8,}/g, REDACTED],
  [/\bwhsec_[A-Za-z0-9+/=_-]{6,}/g, REDACTED],
  [/([?#&]token=)[^&\s"]+/g, `$1${REDACTED}`],
  [/(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi, `$1${REDACTED}`]
]

/** Removes every known secret value and every secret-shaped string from `text`. */
export function redactSecrets(text: string, secrets: Array<string | null | undefined>): string {
  let out = text
  for (const secret of secrets) {
    if (secret && secret.length >= 6) out = out.split(secret).join(REDACTED)
  }
  for (const [shape, replacement] of SECRET_SHAPES) out = out.replace(shape, replacement)
  return out
}

/** Redacts every string inside `value` (so the JSON around them stays valid). */
function redactDeep(value: unknown, secrets: Array<string | null | undefined>): unknown {
  if (typeof value === 'string') return redactSecrets(value, secrets)
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, secrets))
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, secrets)]))
  return value
}

async function journalHealth(dir: string, nextSequence: number): Promise<Record<string, unknown>> {
  try {
    const files = await readdir(dir)
    const sizes = await Promise.all(files.map(async (f) => (await stat(path.join(dir, f))).size))
    return { ok: true, records: nextSequence, segments: files.length, bytes: sizes.reduce((a, b) => a + b, 0) }
  } catch (error) {
    return { ok: false, records: nextSequence, error: String(error) }
  }
}

export function diagnosticsHandlers(ctx: SessionContext, sources: DiagnosticsSources): HandlerMap {
  return {
    'app.diagnostics': async () => {
      const status = ctx.status()
      const outcomes: Record<string, number> = {}
      for (const delivery of ctx.deliveries.query({ limit: 1000 }).items) outcomes[delivery.outcome] = (outcomes[delivery.outcome] ?? 0) + 1
      const report = {
        generatedAt: ctx.nowIso(),
        version: status.version,
        runtime: { platform: process.platform, arch: process.arch, node: process.versions.node, electron: process.versions.electron ?? null },
        mode: status.mode,
        startedAt: status.startedAt,
        ports: { receiver: status.receiverUrl, simulator: status.simulatorUrl, api: status.baseUrl },
        apiKeyStored: status.hasApiKey,
        tunnel: status.tunnelUrl,
        webhook: {
          registered: ctx.store.get(OUR_WEBHOOK_KEY) ?? null,
          secretsAccepted: ctx.ring.accepted().length,
          lastDeliveryAt: ctx.store.get(LAST_DELIVERY_KEY) ?? null,
          recentDeliveries: outcomes
        },
        openTurns: ctx.broker.list().length,
        journal: await journalHealth(sources.journalDir, ctx.journal.nextSequence),
        notice: status.notice,
        log: sources.recentLogLines?.() ?? []
      }
      const secrets = [ctx.secrets.get(API_KEY_SECRET), ctx.secrets.get(WEBHOOK_SECRET), ...ctx.ring.accepted()]
      return { text: JSON.stringify(redactDeep(report, secrets), null, 2) }
    }
  }
}
