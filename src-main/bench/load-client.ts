import { Agent, request } from 'node:http'
import type { DeliveryTarget } from './signed-deliveries'
import { signedSms, signedVoiceTurn } from './signed-deliveries'

/**
 * The load generator. It runs in its own process (the bench forks itself with `--load-client`), so
 * the server under test keeps a core to itself and every server faces the same client.
 */
export type ClientJob =
  | { job: 'throughput'; url: string; target: DeliveryTarget; concurrency: number; warmupMs: number; durationMs: number }
  | { job: 'flood'; url: string; target: DeliveryTarget; concurrency: number; count: number }
  | { job: 'turns'; url: string; target: DeliveryTarget; open: number; samples: number }
  | { job: 'paced'; url: string; target: DeliveryTarget; concurrency: number; perSecond: number; durationMs: number }

export type ClientResult =
  | { job: 'throughput'; ok: number; failed: number; elapsedMs: number }
  | { job: 'flood'; ok: number; failed: number; elapsedMs: number }
  | { job: 'turns'; open: number; latenciesMs: number[] }
  | { job: 'paced'; ok: number; failed: number; elapsedMs: number; lateMs: number }

function postOnce(url: URL, agent: Agent, target: DeliveryTarget): Promise<boolean> {
  const { body, headers } = signedSms(target)
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

/** `concurrency` keep-alive connections posting back to back until `more()` says stop; counts only what `counted()` allows. */
async function drive(url: URL, target: DeliveryTarget, concurrency: number, more: () => boolean, counted: () => boolean, gate?: () => Promise<boolean>) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency })
  let ok = 0
  let failed = 0
  const loop = async (): Promise<void> => {
    while (more()) {
      if (gate && !(await gate())) break
      const good = await postOnce(url, agent, target)
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
  const result = await drive(new URL(job.url), job.target, job.concurrency, () => performance.now() < end, () => performance.now() >= measureFrom)
  return { job: 'throughput', ...result, elapsedMs: job.durationMs }
}

async function flood(job: Extract<ClientJob, { job: 'flood' }>): Promise<ClientResult> {
  let left = job.count
  const start = performance.now()
  const result = await drive(new URL(job.url), job.target, job.concurrency, () => left-- > 0, () => true)
  return { job: 'flood', ...result, elapsedMs: performance.now() - start }
}

/**
 * A steady `perSecond` for `durationMs`: the n-th delivery goes out at start + n / perSecond, on
 * whichever of the connections is free. `lateMs` is how far behind schedule the last one left.
 */
async function paced(job: Extract<ClientJob, { job: 'paced' }>): Promise<ClientResult> {
  const start = performance.now()
  const total = Math.round((job.perSecond * job.durationMs) / 1000)
  let next = 0
  let lateMs = 0
  const slot = async (): Promise<boolean> => {
    if (next >= total) return false
    const due = start + (next++ * 1000) / job.perSecond
    const wait = due - performance.now()
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    else lateMs = -wait
    return true
  }
  const result = await drive(new URL(job.url), job.target, job.concurrency, () => next < total, () => true, slot)
  return { job: 'paced', ...result, elapsedMs: performance.now() - start, lateMs }
}

/** Opens a voice turn; resolves with the ms until its first NDJSON line, and a way to hang up. */
function voiceTurn(url: URL, target: DeliveryTarget): Promise<{ firstLineMs: number; hangUp: () => void }> {
  const { body, headers } = signedVoiceTurn(target)
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
  const held = await Promise.all(Array.from({ length: job.open - 1 }, () => voiceTurn(url, job.target)))
  const latenciesMs: number[] = []
  // One more turn at a time on top of the held ones, so `open` turns are open while it is timed.
  for (let i = 0; i < job.samples; i++) {
    const turn = await voiceTurn(url, job.target)
    latenciesMs.push(turn.firstLineMs)
    turn.hangUp()
  }
  for (const t of held) t.hangUp()
  return { job: 'turns', open: job.open, latenciesMs }
}

/** Child side: answers each job the parent sends over IPC, until the parent disconnects. */
export function runLoadClient(): void {
  process.on('message', (message: ClientJob) => {
    const jobs = { throughput, flood, turns, paced } as Record<ClientJob['job'], (job: ClientJob) => Promise<ClientResult>>
    const work = jobs[message.job](message)
    work.then(
      (result) => process.send?.(result),
      (error: unknown) => process.send?.({ error: String(error) })
    )
  })
  process.on('disconnect', () => process.exit(0))
}
