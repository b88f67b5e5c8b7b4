/**
 * The done-when of issue 12: a client written only from the public API document
 * (fresh-client/from-the-docs.mjs: plain fetch, nothing of ours) runs unchanged against
 * `switchboard sim` started as a real process — the built CLI, on a free port.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const CLI = path.resolve('out/main/cli.js')
const SCRIPT = path.resolve('test/conformance/fresh-client/from-the-docs.mjs')

let sim: ChildProcess
let ready: { simulator: string; apiKey: string }

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`)
  sim = spawn(process.execPath, [CLI, 'sim', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  sim.stderr!.on('data', (c: Buffer) => (stderr += c.toString()))
  ready = await new Promise((resolve, reject) => {
    sim.once('exit', (code) => reject(new Error(`switchboard sim exited with ${code}:\n${stderr}`)))
    readline.createInterface({ input: sim.stdout! }).once('line', (line) => resolve(JSON.parse(line) as typeof ready))
  })
}, 30_000)

afterAll(async () => {
  if (sim.exitCode !== null) return
  await new Promise((resolve) => {
    sim.once('exit', resolve)
    sim.kill('SIGTERM')
  })
})

function runScript(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SCRIPT], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

describe('a client written from the public API document, against `switchboard sim` as a real process', () => {
  it('reads usage limits, saves and finds a contact, sends an MMS, places a call and waits for it, fetches the recording', async () => {
    const run = await runScript({ AGENTPHONE_BASE_URL: ready.simulator, AGENTPHONE_API_KEY: ready.apiKey })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const seen = JSON.parse(run.stdout) as Record<string, Record<string, unknown>>
    expect(seen.limits).toMatchObject({ numbers: 10, concurrentCalls: expect.any(Number) })
    expect(seen.contact).toMatchObject({ found: 1 })
    expect(seen.mms).toMatchObject({ channel: 'mms' })
    expect(seen.call).toMatchObject({ status: 'completed', lines: 3 })
    expect(seen.recording).toMatchObject({ contentType: 'audio/wav', byteRate: 16_000 })
    // The recording lasts as long as the call did (16-bit mono at 8 kHz, plus the 44-byte header).
    expect(seen.recording!.bytes).toBe(44 + 16_000 * Math.max(1, Number(seen.call!.durationSeconds)))
  }, 60_000)

  it('fails loudly, saying which request was refused, when the key is wrong', async () => {
    const run = await runScript({ AGENTPHONE_BASE_URL: ready.simulator, AGENTPHONE_API_KEY: 'sk_live_wrong' })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/GET \/v1\/usage answered 401/)
  })
})
