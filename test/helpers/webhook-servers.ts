/**
 * Small webhook servers of the kind a developer writes behind an AgentPhone agent, over real HTTP
 * on 127.0.0.1:0: a correct one, and the same one with chosen rules broken. Scenario tests play
 * against these; nothing here knows about the runner.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { verify } from '../../src-main/core/receiver/signature'

export type Flaw =
  /** No signature or timestamp check at all. */
  | 'acceptsForgeries'
  /** Checks the HMAC but not the timestamp's age. */
  | 'ignoresTimestamp'
  /** A body that is not JSON makes it fall over (500). */
  | 'crashesOnBadJson'
  /** Answers a voice turn with a bare JSON string. */
  | 'stringReply'
  /** Streams interim lines and never the final one. */
  | 'noFinalLine'
  /** Presses keys with both `digits` and `press_digit`. */
  | 'digitsWithAlias'
  /** Says goodbye but never hangs up. */
  | 'forgetsHangup'

export interface SeenRequest {
  headers: IncomingMessage['headers']
  body: string
  status: number
}

export interface WebhookServer {
  url: string
  seen: SeenRequest[]
  stop(): Promise<void>
}

export interface WebhookServerOptions {
  secret: string
  flaws?: Flaw[]
  /** Awaited before each voice turn's final line: a slow server (the test moves a fake clock meanwhile). */
  beforeVoiceReply?: (transcript: string) => Promise<void>
  /** Awaited before anything is sent back, not even the headers. */
  beforeHeaders?: () => Promise<void>
}

type Envelope = { event?: string; channel?: string; data?: Record<string, unknown>; recentHistory?: Array<{ content: string; direction: string }> }

/** The agent's words for one caller line: the behaviour the scenarios in the tests expect. */
function answerFor(transcript: string, env: Envelope, flaws: Set<Flaw>): Record<string, unknown> {
  const order = /order\s*#?(\d+)/i.exec(transcript)
  if (/\bbye\b/i.test(transcript)) return flaws.has('forgetsHangup') ? { text: 'Goodbye!' } : { text: 'Goodbye!', hangup: true }
  if (order) return { text: `Order ${order[1]} ships tomorrow.` }
  if (/operator|human/i.test(transcript)) return { text: 'Transferring you now.', action: 'transfer' }
  if (/menu|press/i.test(transcript)) return flaws.has('digitsWithAlias') ? { text: '', digits: '1', press_digit: '1' } : { text: '', digits: '1' }
  if (/what did i say/i.test(transcript)) {
    const first = env.recentHistory?.find((h) => h.direction === 'inbound')
    return { text: first ? `Earlier you said: ${first.content}` : 'You have not said anything yet.' }
  }
  return { text: `You said: ${transcript}` }
}

export async function startWebhookServer(o: WebhookServerOptions): Promise<WebhookServer> {
  const flaws = new Set(o.flaws ?? [])
  const seen: SeenRequest[] = []
  const handled = new Map<string, string>()

  const finish = (res: ServerResponse, raw: string, status: number, body: string, type = 'application/json'): void => {
    seen.push({ headers: res.req.headers, body: raw, status })
    res.writeHead(status, { 'content-type': type })
    res.end(body)
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => void handle(req, res, Buffer.concat(chunks)))
  })

  async function handle(req: IncomingMessage, res: ServerResponse, raw: Buffer): Promise<void> {
    const text = raw.toString('utf8')
    if (!flaws.has('acceptsForgeries')) {
      const tolerance = flaws.has('ignoresTimestamp') ? Number.MAX_SAFE_INTEGER : 300
      const check = verify([o.secret], { signature: req.headers['x-webhook-signature'] as string | undefined, timestamp: req.headers['x-webhook-timestamp'] as string | undefined }, raw, Date.now(), tolerance)
      if (!check.ok) return finish(res, text, 401, JSON.stringify({ error: check.reason }))
    }
    let env: Envelope
    try {
      env = JSON.parse(text) as Envelope
    } catch {
      return finish(res, text, flaws.has('crashesOnBadJson') ? 500 : 400, '{"error":"bad json"}')
    }
    const id = String(req.headers['x-webhook-id'] ?? '')
    if (env.event !== 'agent.message' || env.channel !== 'voice') return finish(res, text, 200, '{"ok":true}')
    // A retry of a turn already answered gets the same answer again, without doing the work twice.
    const before = handled.get(id)
    if (before !== undefined) return finish(res, text, 200, before, 'application/x-ndjson')
    const transcript = String(env.data?.transcript ?? '')
    await o.beforeHeaders?.()
    seen.push({ headers: req.headers, body: text, status: 200 })
    if (flaws.has('stringReply')) {
      res.writeHead(200, { 'content-type': 'application/json' })
      return void res.end(JSON.stringify('Sure, one moment'))
    }
    res.writeHead(200, { 'content-type': 'application/x-ndjson' })
    res.write(`${JSON.stringify({ text: 'One moment.', interim: true })}\n`)
    await o.beforeVoiceReply?.(transcript)
    const lines = flaws.has('noFinalLine') ? [{ text: 'Still looking.', interim: true }] : [answerFor(transcript, env, flaws)]
    const out = lines.map((l) => `${JSON.stringify(l)}\n`).join('')
    handled.set(id, `${JSON.stringify({ text: 'One moment.', interim: true })}\n${out}`)
    res.end(out)
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    seen,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
