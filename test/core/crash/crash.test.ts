import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sign } from '../../../src-main/core/receiver/signature'
import { Prng } from '../fuzz/prng'
import { buildCrashChild } from './crash-build'

const SECRET = 'whsec_crash_secret'
const work = mkdtempSync(join(tmpdir(), 'crash-'))
const dataDir = join(work, 'journal')
let childScript = ''
let child: ChildProcess | undefined

beforeAll(async () => {
  childScript = await buildCrashChild(join(work, 'bin'))
}, 30_000)
afterAll(() => {
  child?.kill('SIGKILL')
  rmSync(work, { recursive: true, force: true })
})

async function startChild(): Promise<number> {
  const proc = spawn(process.execPath, [childScript, dataDir, SECRET], { stdio: ['ignore', 'pipe', 'inherit'] })
  child = proc
  const lines = createInterface({ input: proc.stdout! })
  for await (const line of lines) return (JSON.parse(line) as { port: number }).port
  throw new Error('the child exited before listening')
}

function killHard(): Promise<void> {
  const proc = child!
  child = undefined
  return new Promise((resolve) => {
    proc.once('exit', () => resolve())
    proc.kill('SIGKILL')
  })
}

/** POSTs a signed SMS delivery; resolves with the status, or 0 if the connection died first. */
function deliver(port: number, agent: Agent, id: string): Promise<number> {
  const body = JSON.stringify({ event: 'agent.message', channel: 'sms', data: { messageId: id, message: `text of ${id}`, conversationId: 'conv_1' } })
  const timestamp = String(Math.floor(Date.now() / 1000))
  const headers = { 'content-type': 'application/json', 'x-webhook-id': id, 'x-webhook-timestamp': timestamp, 'x-webhook-signature': sign(SECRET, timestamp, body) }
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/webhook', method: 'POST', agent, headers }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
      res.on('error', () => resolve(0))
    })
    req.on('error', () => resolve(0))
    req.end(body)
  })
}

/**
 * What a SIGKILL left on disk: the complete lines, and whether the last file ends in a torn line
 * (allowed only there; the next start cuts it off).
 */
function afterKill(): { ids: Set<string>; torn: boolean } {
  const files = readdirSync(dataDir).filter((f) => f.endsWith('.jsonl')).sort()
  const ids = new Set<string>()
  let torn = false
  files.forEach((f, i) => {
    const text = readFileSync(join(dataDir, f), 'utf8')
    const complete = text.slice(0, text.lastIndexOf('\n') + 1)
    if (complete.length < text.length) {
      expect(i).toBe(files.length - 1)
      torn = true
    }
    for (const line of complete.split('\n').filter(Boolean)) ids.add((JSON.parse(line) as { data: { webhookId: string } }).data.webhookId)
  })
  return { ids, torn }
}

/** Every journal line on disk, parsed; a line that does not parse fails the test (nothing torn). */
function journalLines(): Array<{ seq: number; data: { webhookId: string } }> {
  const files = readdirSync(dataDir).filter((f) => f.endsWith('.jsonl')).sort()
  return files.flatMap((f) =>
    readFileSync(join(dataDir, f), 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as { seq: number; data: { webhookId: string } })
  )
}

describe('crash safety', () => {
  it('keeps every acknowledged delivery exactly once across SIGKILLs at random moments', async () => {
    const rng = new Prng(0xc0ffee)
    const acked = new Set<string>()
    const sent: string[] = []
    let n = 0
    for (let round = 0; round < 4; round++) {
      const port = await startChild()
      const agent = new Agent({ keepAlive: true, maxSockets: 16 })
      let stop = false
      const stream = Array.from({ length: 16 }, async () => {
        while (!stop) {
          const id = `wh_${++n}`
          sent.push(id)
          if ((await deliver(port, agent, id)) === 200) acked.add(id)
        }
      })
      // Kill mid-stream, at a different moment each round.
      await new Promise((r) => setTimeout(r, rng.int(80, 400)))
      await killHard()
      stop = true
      await Promise.all(stream)
      agent.destroy()
      // Before any restart repairs anything: every acknowledged delivery is already on disk.
      const onDisk = afterKill()
      expect([...acked].filter((id) => !onDisk.ids.has(id))).toEqual([])
    }
    expect(acked.size).toBeGreaterThan(100)

    // Restart on the same folder and retry everything, as AgentPhone retries what it saw fail.
    const port = await startChild()
    const agent = new Agent({ keepAlive: true, maxSockets: 16 })
    const statuses = new Map<string, number>()
    for (let i = 0; i < sent.length; i += 16) {
      await Promise.all(sent.slice(i, i + 16).map(async (id) => statuses.set(id, await deliver(port, agent, id))))
    }
    agent.destroy()
    expect([...statuses.values()].every((s) => s === 200)).toBe(true)
    await new Promise<void>((resolve) => {
      child!.once('exit', () => resolve())
      child!.kill('SIGTERM')
    })
    child = undefined

    const lines = journalLines()
    expect(lines.map((l) => l.seq)).toEqual(lines.map((_, i) => i + 1))
    const counts = new Map<string, number>()
    for (const l of lines) counts.set(l.data.webhookId, (counts.get(l.data.webhookId) ?? 0) + 1)
    const missing = [...acked].filter((id) => counts.get(id) !== 1)
    expect(missing).toEqual([])
    // Every delivery ever sent is now stored once: the retries of acknowledged ones were duplicates.
    expect(sent.filter((id) => counts.get(id) !== 1)).toEqual([])
    expect(lines.length).toBe(sent.length)
  }, 50_000)
})
