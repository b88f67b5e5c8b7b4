/** Where a local ngrok agent answers with its list of tunnels. */
export const NGROK_API_URL = 'http://127.0.0.1:4040/api/tunnels'

interface NgrokTunnel {
  public_url?: string
  proto?: string
  config?: { addr?: string }
}

/**
 * Asks a local ngrok agent which public URL forwards to the receiver's port. Any other tunnel
 * (cloudflared, a reverse proxy) works by pasting its URL; this only saves typing.
 */
export async function detectNgrokTunnel(receiverPort: number, apiUrl = NGROK_API_URL): Promise<{ url: string | null; detail: string }> {
  let tunnels: NgrokTunnel[]
  try {
    const res = await fetch(apiUrl, { signal: AbortSignal.timeout(1500) })
    const body = (await res.json()) as { tunnels?: NgrokTunnel[] }
    tunnels = body.tunnels ?? []
  } catch {
    return { url: null, detail: `No ngrok agent answered at ${apiUrl}. Start one with \`ngrok http ${receiverPort}\`, or paste any tunnel's public URL.` }
  }
  const https = tunnels.filter((t) => t.public_url?.startsWith('https://'))
  const forPort = https.find((t) => (t.config?.addr ?? '').replace(/\/$/, '').endsWith(`:${receiverPort}`))
  const chosen = forPort ?? https[0]
  if (!chosen?.public_url) return { url: null, detail: 'ngrok is running but has no HTTPS tunnel.' }
  const note = forPort ? '' : ` It forwards to ${chosen.config?.addr ?? 'another address'}, not to the receiver's port ${receiverPort}: start \`ngrok http ${receiverPort}\`.`
  return { url: withWebhookPath(chosen.public_url), detail: `Found an ngrok tunnel.${note}` }
}

/** A bare tunnel URL points at the receiver's webhook path; a URL with its own path is kept as is. */
export function withWebhookPath(url: string): string {
  const parsed = new URL(url)
  if (parsed.pathname === '/' || parsed.pathname === '') parsed.pathname = '/webhook'
  return parsed.toString()
}
