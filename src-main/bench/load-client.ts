import { createHmac } from 'node:crypto'
import { Agent, request } from 'node:http'

/**
 * The load generator. It runs in its own process (the bench forks itself with `--load-client`), so
 * the server under test keeps a core to itself and all three servers face the same client.
 */
export type ClientJob =
  | { job: 'throughput'; url: string; secret: string; concurrency: number; warmupMs: number; durationMs: number }
  | { job: 'flood'; url: string; secret: string; concurrency: number; count: number }
  | { job: 'turns'; url: string; secret: string; open: number; samples: number }

export type ClientResult =
  | { job: 'throughput'; ok: number; failed: number; elapsedMs: number }
  | { job: 'flood'; ok: number; failed: number; elapsedMs: number }
  | { job: 'turns'; open: number; latenciesMs: number[] }

let serial = 0
const runId = `${process.pid}_${Date.now().toString(36)}`

/** A compact SMS-style delivery, signed the way AgentPhone signs it (agentphone-api.md §3.4). */
function signedSms(secret: string, channel: 'sms' | 'voice' = 'sms'): { body: string; headers: Record<string, string> } {
  const n = ++serial
  const data =
    channel === 'sms'
      ? { messageId: `msg_${n}`, conversationId: 'conv_bench', from: '+15551230000', to: '+15559870000', message: `hello number ${n}`, direction: 'inbound' }
      : { callId: `call_${runId}_${n}`, numberId: 'num_1', from: '+15551230000', to: '+15559870000', status: 'in-progress', transcript: 'Are you open?', confidence: 0.9, direction: 'inbound' }
  const body = JSON.stringify({ event: 'agent.message', channel, timestamp: new Date().toISOString(), agentId: 'agt_bench', data, conversationState: null, recentHistory: [] })
  const timestamp = String(Math.floor(Date.now() / 1000))
  const signature = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      'x-webhook-signature': signature,
      'x-webhook-timestamp': timestamp,
      'x-webhook-id': `wh_${runId}_${n}`,
      'x-webhook-event': 'agent.message'
    }
  }
}

function postOnce(url: URL, agent: Agent, secret: string): Promise<boolean> {
  const { body, headers } = signedSms(secret)
  return new Promise((resolve) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers }, (res) => {
      res.on('data', () => undefined)
      res.on('end', () => resolve((res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300))
      res.on('error', () => resolve(false))
    })
    req.on('error', () => resolve(false))
    req.end(body)
  })
}

/** `concurrency` loops posting back to back until `more()` says stop; counts only what `counted()` allows. */
async function drive(url: URL, secret: string, concurrency: number, more: () => boolean, counted: () => boolean) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency })
  let ok = 0
  let failed = 0
  const loop = async (): Promise<void> => {
    while (more()) {
      const good = await postOnce(url, agent, secret)
      if (!counted()) continue
      if (good) ok++
      else failed++
    }
  }
  await Promise.all(Array.from({ length: concurrency }, loop))
  agent.destroy()
  return { ok, failed }
}

async function throughput(job: Extract<ClientJob, { job: 'throughput' }>): Promise<ClientResult> {
  const start = performance.now()
  const measureFrom = start + job.warmupMs
  const end = measureFrom + job.durationMs
  const result = await drive(new URL(job.url), job.secret, job.concurrency, () => performance.now() < end, () => performance.now() >= measureFrom)
  return { job: 'throughput', ...result, elapsedMs: job.durationMs }
}

async function flood(job: Extract<ClientJob, { job: 'flood' }>): Promise<ClientResult> {
  let left = job.count
  const start = performance.now()
  const result = await drive(new URL(job.url), job.secret, job.concurrency, () => left-- > 0, () => true)
  return { job: 'flood', ...result, elapsedMs: performance.now() - start }
}

/** Opens a voice turn; resolves with the ms until its first NDJSON line, and a way to hang up. */
function voiceTurn(url: URL, secret: string): Promise<{ firstLineMs: number; hangUp: () => void }> {
  const { body, headers } = signedSms(secret, 'voice')
  let started = performance.now()
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent: false, headers }, (res) => {
      res.once('data', () => resolve({ firstLineMs: performance.now() - started, hangUp: () => req.destroy() }))
      res.on('error', () => undefined)
    })
    // Timed from when the request can go out: the TCP handshake is the client's, not the receiver's.
    req.once('socket', (socket) => socket.once('connect', () => (started = performance.now())))
    req.on('error', reject)
    req.end(body)
  })
}

async function turns(job: Extract<ClientJob, { job: 'turns' }>): Promise<ClientResult> {
  const url = new URL(job.url)
  const held = await Promise.all(Array.from({ length: job.open - 1 }, () => voiceTurn(url, job.secret)))
  const latenciesMs: number[] = []
  // One more turn at a time on top of the held ones, so `open` turns are open while it is timed.
  for (let i = 0; i < job.samples; i++) {
    const turn = await voiceTurn(url, job.secret)
    latenciesMs.push(turn.firstLineMs)
    turn.hangUp()
  }
  for (const t of held) t.hangUp()
  return { job: 'turns', open: job.open, latenciesMs }
}

/** Child side: answers each job the parent sends over IPC, until the parent disconnects. */
export function runLoadClient(): void {
  process.on('message', (message: ClientJob) => {
    const work = message.job === 'throughput' ? throughput(message) : message.job === 'flood' ? flood(message) : turns(message)
    work.then(
      (result) => process.send?.(result),
      (error: unknown) => process.send?.({ error: String(error) })
    )
  })
  process.on('disconnect', () => process.exit(0))
}
