/**
 * Reading an error body, whichever envelope the server used (agentphone-api.md §1.4 and §7 #2):
 * `{"detail": "text"}`, FastAPI's `{"detail": [{loc, msg, type}]}`, the documented
 * `{"error": {message, code, type}}`, a bare `{"error": "text"}` or `{"message"}`, or raw text.
 */

/** The human part and the server's code (only the `error` envelope carries one). */
export interface ErrorBody {
  message?: string
  code?: string
}

/** Longest raw-text body worth showing; HTML error pages from proxies are not. */
const MAX_RAW = 300

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Request-part prefixes FastAPI puts in `loc` that mean nothing to a person. */
const LOC_PREFIXES = new Set(['body', 'query', 'path', 'header'])

function fromValidationItem(item: unknown): string | undefined {
  if (!isRecord(item) || typeof item.msg !== 'string') return undefined
  const loc = Array.isArray(item.loc) ? item.loc.filter((p) => typeof p === 'string' || typeof p === 'number') : []
  const field = loc.filter((p, i) => !(i === 0 && typeof p === 'string' && LOC_PREFIXES.has(p))).join('.')
  return field ? `${field}: ${item.msg}` : item.msg
}

function fromJson(json: unknown): ErrorBody {
  if (!isRecord(json)) return {}
  const { detail, error, message } = json
  if (typeof detail === 'string' && detail.trim()) return { message: detail.trim() }
  if (Array.isArray(detail) && detail.length > 0) {
    const first = fromValidationItem(detail[0])
    if (first) return { message: detail.length > 1 ? `${first} (and ${detail.length - 1} more)` : first }
  }
  if (isRecord(error)) {
    const out: ErrorBody = {}
    if (typeof error.message === 'string' && error.message.trim()) out.message = error.message.trim()
    if (typeof error.code === 'string' && error.code) out.code = error.code
    // The documented envelope puts field errors in details[]: name the first field.
    const details = Array.isArray(error.details) ? error.details : []
    const d0: unknown = details[0]
    if (out.message && isRecord(d0) && typeof d0.field === 'string' && typeof d0.message === 'string') {
      out.message = `${out.message} (${d0.field}: ${d0.message})`
    }
    return out
  }
  if (typeof error === 'string' && error.trim()) return { message: error.trim() }
  if (typeof message === 'string' && message.trim()) return { message: message.trim() }
  return {}
}

/** Parses an error body; never throws. */
export function parseErrorBody(text: string, contentType: string | null): ErrorBody {
  const trimmed = text.trim()
  if (!trimmed) return {}
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return fromJson(JSON.parse(trimmed))
    } catch {
      // Not JSON after all: fall through to raw text.
    }
  }
  if (contentType?.includes('html') || trimmed.startsWith('<')) return {}
  return { message: trimmed.length > MAX_RAW ? `${trimmed.slice(0, MAX_RAW)}…` : trimmed }
}
