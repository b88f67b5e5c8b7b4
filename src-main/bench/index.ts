import { fork } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { cpus } from 'node:os'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { measureCopilot, printCopilot } from './copilot-overhead'
import { probeDisk } from './disk-probe'
import type { ClientJob, ClientResult } from './load-client'
import { runLoadClient } from './load-client'
import { percentile, printTable } from './report'
import { BENCH_SECRET, startBare, startExpressExample, startReceiver } from './servers'
import type { BenchServer } from './servers'

/**
 * `npm run bench`: how the receiver holds up against a bare `node:http` server and the vendor's
 * Express example, how fast a voice turn gets its interim line with many turns open, and whether
 * memory stays flat over 100 000 events. The load comes from a forked copy of this script.
 */
const CONCURRENCY = 64
const WARMUP_MS = 1_000
const DURATION_MS = 3_000
const ROUNDS = 3
const TURN_LEVELS = [1, 50, 200]
const TURN_SAMPLES = 300
const FLOOD_EVENTS = 100_000

function ask(child: ChildProcess, job: ClientJob): Promise<ClientResult> {
  return new Promise((resolve, reject) => {
    child.once('message', (message: ClientResult | { error: string }) => ('error' in message ? reject(new Error(message.error)) : resolve(message)))
    child.send(job)
  })
}

async function withServer<T, S extends BenchServer>(start: () => Promise<S>, run: (server: S) => Promise<T>): Promise<T> {
  const server = await start()
  try {
    return await run(server)
  } finally {
    await server.stop()
  }
}

/** A real collection, not a hint: V8's gc() exposed at run time so `npm run bench` needs no flag. */
function collector(): () => void {
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  return () => {
    gc()
    gc()
  }
}

async function rate(child: ChildProcess, server: BenchServer): Promise<number> {
  const job: ClientJob = { job: 'throughput', url: server.url, secret: BENCH_SECRET, concurrency: CONCURRENCY, warmupMs: WARMUP_MS, durationMs: DURATION_MS }
  const result = await ask(child, job)
  if (result.job !== 'throughput') throw new Error('unexpected answer')
  if (result.failed > 0) console.warn(`  (${result.failed} requests failed against ${server.url})`)
  return (result.ok / result.elapsedMs) * 1000
}

/**
 * The three servers take turns, round after round, and each one's median counts: on a shared
 * machine a burst of someone else's work then skews one round, not one server.
 */
async function rates(child: ChildProcess): Promise<{ bare: number; express: number; ours: number }> {
  const servers = { bare: await startBare(), express: await startExpressExample(), ours: await startReceiver() }
  const seen = { bare: [] as number[], express: [] as number[], ours: [] as number[] }
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of ['bare', 'express', 'ours'] as const) seen[name].push(await rate(child, servers[name]))
    }
  } finally {
    for (const server of Object.values(servers)) await server.stop()
  }
  return { bare: percentile(seen.bare, 50), express: percentile(seen.express, 50), ours: percentile(seen.ours, 50) }
}

async function main(): Promise<void> {
  const gc = collector()
  const child = fork(process.argv[1]!, ['--load-client'], { stdio: 'inherit' })
  console.log(`Switchboard receiver bench — node ${process.version}, ${cpus().length} cores, ${CONCURRENCY} in flight, keep-alive, load from a separate process\n`)

  const { bare, express, ours } = await rates(child)

  const disk = await probeDisk()
  const turns: Array<{ open: number; p50: number; p99: number }> = []
  await withServer(startReceiver, async (server) => {
    for (const open of TURN_LEVELS) {
      const result = await ask(child, { job: 'turns', url: server.url, secret: BENCH_SECRET, open, samples: TURN_SAMPLES })
      if (result.job !== 'turns') throw new Error('unexpected answer')
      turns.push({ open, p50: percentile(result.latenciesMs, 50), p99: percentile(result.latenciesMs, 99) })
    }
  })

  const memory = await withServer(startReceiver, async (server) => {
    // A first batch warms up the JIT and fills the bounded windows (dedupe ids, delivery log).
    await ask(child, { job: 'flood', url: server.url, secret: BENCH_SECRET, concurrency: CONCURRENCY, count: 10_000 })
    gc()
    const before = process.memoryUsage()
    const result = await ask(child, { job: 'flood', url: server.url, secret: BENCH_SECRET, concurrency: CONCURRENCY, count: FLOOD_EVENTS })
    gc()
    const after = process.memoryUsage()
    if (result.job !== 'flood') throw new Error('unexpected answer')
    return { before, after, ok: result.ok, failed: result.failed, seconds: result.elapsedMs / 1000 }
  })
  child.disconnect()

  printTable({ bare, express, ours, disk, turns, memory })
  printCopilot(await measureCopilot())
}

if (process.argv.includes('--load-client')) runLoadClient()
else if (process.argv.includes('--copilot-only')) measureCopilot().then(printCopilot, (error: unknown) => {
  console.error(error)
  process.exit(1)
})
else
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
