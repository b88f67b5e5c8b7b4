import type { ChildProcess } from 'node:child_process'
import type { AppUnderTest, Memory } from './app-processes'
import { ask, forkRole, startApp, startBaseline } from './app-processes'
import { bridgeCall } from './bridge-call'
import type { ReaderStats } from './bridge-readers'
import type { ClientJob, ClientResult } from './load-client'
import { percentile } from './report'

/**
 * The whole app under load: `switchboard serve` in live mode against `switchboard sim`, with 0, 1
 * and 5 bridge clients connected and reading, the journal on, against a bare `node:http` server
 * and the vendor's Express example, each in a process of its own, all in the same run. The load
 * comes from one more process: signed 1.4 KB SMS deliveries on 50 keep-alive connections.
 */
export const CONCURRENCY = 50
const WARMUP_MS = 1_000
const DURATION_MS = 3_000
const ROUNDS = 3
const TURN_LEVELS = [1, 50, 200]
const TURN_SAMPLES = 300
const FLOOD_EVENTS = 100_000
const FLOOD_STEP = 10_000
export const CLIENT_LEVELS = [0, 1, 5] as const

export type ServerName = 'bare' | 'express' | `app${(typeof CLIENT_LEVELS)[number]}`

export interface Throughput {
  /** Accepted deliveries a second: the median of the rounds, and every round's figure. */
  median: number
  rounds: number[]
  /** Per connected client, events it read a second (app only). */
  eventsPerClient?: number
}

export type TurnLevel = { open: number; p50: number; p99: number; max: number }

export interface AppFigures {
  throughput: Record<ServerName, Throughput>
  turns: {
    app: TurnLevel[]
    bare: TurnLevel[]
    /** The shell's own time from request to first line, for the newest voice turns it kept. */
    inShell: { count: number; p50: number; p99: number }
  }
  memory: { samples: Array<{ events: number } & Memory>; readerEvents: number; accepted: number; failed: number; seconds: number }
  /** Clients the shell closed for falling behind, per part of the run. */
  slowCloses: string[]
}

interface Rig {
  app: AppUnderTest
  load: ChildProcess
  readers: ChildProcess
}

async function clients(rig: Rig, count: number): Promise<void> {
  await ask(rig.readers, { op: 'connect', url: rig.app.bridgeUrl, count })
}

async function rate(rig: Rig, url: string): Promise<number> {
  const job: ClientJob = { job: 'throughput', url, target: rig.app.target, concurrency: CONCURRENCY, warmupMs: WARMUP_MS, durationMs: DURATION_MS }
  const result = await ask<ClientResult>(rig.load, job)
  if (result.job !== 'throughput') throw new Error('unexpected answer')
  if (result.failed > 0) console.warn(`  (${result.failed} requests failed against ${url})`)
  return (result.ok / result.elapsedMs) * 1000
}

/**
 * The servers take turns, round after round, and each one's median counts: on a shared machine a
 * burst of someone else's work then skews one round, not one server.
 */
async function throughputRounds(rig: Rig, slowCloses: string[]): Promise<AppFigures['throughput']> {
  const bare = await startBaseline('bare', rig.app.target.secret)
  const express = await startBaseline('express', rig.app.target.secret)
  const seen = new Map<ServerName, number[]>()
  const read = new Map<ServerName, number[]>()
  const note = (m: Map<ServerName, number[]>, name: ServerName, v: number) => m.set(name, [...(m.get(name) ?? []), v])
  try {
    for (let round = 0; round < ROUNDS; round++) {
      await clients(rig, 0)
      note(seen, 'bare', await rate(rig, bare.url))
      note(seen, 'express', await rate(rig, express.url))
      for (const n of CLIENT_LEVELS) {
        await clients(rig, n)
        const before = await ask<ReaderStats>(rig.readers, { op: 'stats' })
        const started = performance.now()
        note(seen, `app${n}`, await rate(rig, rig.app.receiverUrl))
        const after = await ask<ReaderStats>(rig.readers, { op: 'stats' })
        if (n > 0) note(read, `app${n}`, ((after.events - before.events) / n / (performance.now() - started)) * 1000)
        for (const c of after.closes.slice(before.closes.length)) slowCloses.push(`throughput, ${n} clients: closed ${c.code} ${c.reason}`)
      }
    }
  } finally {
    await bare.stop()
    await express.stop()
  }
  const out = {} as AppFigures['throughput']
  for (const [name, rounds] of seen) {
    const perClient = read.get(name)
    out[name] = { median: percentile(rounds, 50), rounds, ...(perClient ? { eventsPerClient: percentile(perClient, 50) } : {}) }
  }
  return out
}

async function turnLatencies(rig: Rig, url: string): Promise<TurnLevel[]> {
  const turns: TurnLevel[] = []
  for (const open of TURN_LEVELS) {
    const result = await ask<ClientResult>(rig.load, { job: 'turns', url, target: rig.app.target, open, samples: TURN_SAMPLES })
    if (result.job !== 'turns') throw new Error('unexpected answer')
    const sorted = [...result.latenciesMs].sort((a, b) => a - b)
    turns.push({ open, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1)! })
  }
  return turns
}

/**
 * Voice turns against the app (one client connected) and, as the baseline, against the bare
 * server (which answers at once: the floor of the client, the network and the machine). The
 * shell's own record of the turns timed at 200 open (its time from the request to the first line, `ttfbMs`) tells
 * the time spent inside the shell from the rest.
 */
async function turnFigures(rig: Rig): Promise<AppFigures['turns']> {
  await clients(rig, 1)
  const bare = await startBaseline('bare', rig.app.target.secret)
  let baseline
  try {
    baseline = await turnLatencies(rig, bare.url)
  } finally {
    await bare.stop()
  }
  const app = await turnLatencies(rig, rig.app.receiverUrl)
  // Newest first: the turns timed at 200 open (the held ones were opened earlier, in a burst).
  const page = await bridgeCall<{ items: Array<{ ttfbMs: number | null; outcome: string }> }>(rig.app.bridgeUrl, 'webhooks.deliveries', { channel: 'voice', outcome: 'accepted', limit: TURN_SAMPLES })
  const inShell = page.items.flatMap((d) => (d.ttfbMs === null ? [] : [d.ttfbMs]))
  return { app, bare: baseline, inShell: { count: inShell.length, p50: percentile(inShell, 50), p99: percentile(inShell, 99) } }
}

async function memoryOverFlood(rig: Rig, slowCloses: string[]): Promise<AppFigures['memory']> {
  await clients(rig, 5)
  const flood = async (count: number) => {
    const r = await ask<ClientResult>(rig.load, { job: 'flood', url: rig.app.receiverUrl, target: rig.app.target, concurrency: CONCURRENCY, count })
    if (r.job !== 'flood') throw new Error('unexpected answer')
    return r
  }
  // A first batch warms up the JIT and fills the bounded windows (dedupe ids, delivery log).
  await flood(FLOOD_STEP)
  const before = await ask<ReaderStats>(rig.readers, { op: 'stats' })
  const samples: AppFigures['memory']['samples'] = [{ events: 0, ...(await rig.app.memory()) }]
  let accepted = 0
  let failed = 0
  let ms = 0
  for (let done = 0; done < FLOOD_EVENTS; done += FLOOD_STEP) {
    const r = await flood(FLOOD_STEP)
    accepted += r.ok
    failed += r.failed
    ms += r.elapsedMs
    samples.push({ events: done + FLOOD_STEP, ...(await rig.app.memory()) })
  }
  const after = await ask<ReaderStats>(rig.readers, { op: 'stats' })
  for (const c of after.closes.slice(before.closes.length)) slowCloses.push(`memory flood: closed ${c.code} ${c.reason}`)
  return { samples, readerEvents: after.events - before.events, accepted, failed, seconds: ms / 1000 }
}

async function withRig<T>(options: { profileDir?: string }, run: (rig: Rig) => Promise<T>): Promise<T> {
  const app = await startApp(options)
  const load = forkRole(['--load-client'])
  const readers = forkRole(['--bridge-readers'])
  try {
    return await run({ app, load, readers })
  } finally {
    load.disconnect()
    readers.disconnect()
    await app.stop()
  }
}

export function measureApp(): Promise<AppFigures> {
  return withRig({}, async (rig) => {
    const slowCloses: string[] = []
    const throughput = await throughputRounds(rig, slowCloses)
    const turns = await turnFigures(rig)
    const memory = await memoryOverFlood(rig, slowCloses)
    return { throughput, turns, memory, slowCloses }
  })
}

/**
 * `--profile`: the shell under `node --cpu-prof`, `readers` clients connected, the same SMS load
 * for `seconds`; with `turns`, 200 voice turns open and 300 more timed instead (answers the p99).
 */
export async function profileApp(profileDir: string, readers = 1, seconds = 8, turns = false): Promise<number> {
  return withRig({ profileDir }, async (rig) => {
    await clients(rig, readers)
    if (turns) {
      const levels = await turnLatencies(rig, rig.app.receiverUrl)
      return levels.find((t) => t.open === 200)?.p99 ?? 0
    }
    const job: ClientJob = { job: 'throughput', url: rig.app.receiverUrl, target: rig.app.target, concurrency: CONCURRENCY, warmupMs: 1000, durationMs: seconds * 1000 }
    const result = await ask<ClientResult>(rig.load, job)
    return result.job === 'throughput' ? (result.ok / result.elapsedMs) * 1000 : 0
  })
}
