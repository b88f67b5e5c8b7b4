import type { ConnectForm, ConnectFormErrors } from './webhooks-types'

/**
 * The core's rule, repeated so the replace warning compares like with like: a bare tunnel URL
 * means the receiver's /webhook path, a URL with its own path is kept.
 */
export function withWebhookPath(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.pathname === '/' || parsed.pathname === '') parsed.pathname = '/webhook'
    return parsed.toString()
  } catch {
    return url
  }
}

function parses(url: string): boolean {
  try {
    new URL(url)
    return true
  } catch {
    return false
  }
}

function intIn(raw: string, min: number, max: number, what: string): string | undefined {
  const t = raw.trim()
  if (!t) return undefined
  const n = Number(t)
  if (!Number.isInteger(n) || n < min || n > max) return `${what} must be a whole number from ${min} to ${max}.`
  return undefined
}

/**
 * Only what is certainly wrong is caught here. Whether AgentPhone accepts the URL's scheme or host
 * is AgentPhone's call, and its own words are more use than a guess made here.
 */
export function validateConnectForm(f: ConnectForm): ConnectFormErrors {
  const errors: ConnectFormErrors = {}
  const url = f.url.trim()
  if (!url) errors.url = "Paste your tunnel's public URL (for example https://abc123.ngrok.app)."
  else if (!parses(url) || !/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    errors.url = 'That is not a full URL: it needs a scheme and a host, like https://abc123.ngrok.app.'
  }
  const ctx = intIn(f.contextLimit, 0, 50, 'Context limit')
  if (ctx) errors.contextLimit = ctx
  const timeout = intIn(f.timeout, 5, 120, 'Timeout')
  if (timeout) errors.timeout = timeout
  return errors
}
