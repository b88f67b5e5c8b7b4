import { fork, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import type { DeliveryTarget } from './signed-deliveries'

/**
 * The app under test, as a person runs it: `switchboard sim` (standing in for AgentPhone) and
 * `switchboard serve` in live mode pointed at it, both real processes from the build. The shell
 * gets one extra: a memory probe that answers `{op: 'memory'}` over IPC after a full collection
 * (flags only; nothing in the app changes).
 */
/** out/main/cli.js, beside out/main/bench.js (this script, wherever the bundler put this module). */
const CLI = join(dirname(process.argv[1]!), 'cli.js')

const MEMORY_PROBE =
  "process.channel?.unref();process.on('message',(m)=>{if(m&&m.op==='memory'){globalThis.gc?.();globalThis.gc?.();process.send({op:'memory',...process.memoryUsage()})}})"

export interface Memory {
  rss: number
  heapUsed: number
  external: number
}

export interface AppUnderTest {
  receiverUrl: string
  bridgeUrl: string
  /** The console's address, token included. */
  uiUrl: string
  /** The simulator standing in for AgentPhone, and the key the shell uses with it. */
  simUrl: string
  apiKey: string
  target: DeliveryTarget
  pid: number
  memory(): Promise<Memory>
  /** Stops the shell (SIGTERM: a CPU profile, when asked for, is written then) and the simulator. */
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** Resolves with the child's first stdout line as JSON (its ready line); stderr's tail goes in the error. */
function readyLine(child: ChildProcess, name: string): Promise<Record<string, unknown>> {
  let tail = ''
  child.stderr?.on('data', (chunk: Buffer) => void (tail = (tail + chunk.toString()).slice(-4000)))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} was not ready within 60 s:\n${tail}`)), 60_000)
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer)
      child.stdout!.resume()
      try {
        resolve(JSON.parse(line) as Record<string, unknown>)
      } catch {
        reject(new Error(`${name}: the first stdout line is not JSON: ${line}\n${tail}`))
      }
    })
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}:\n${tail}`)))
  })
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 15_000)
    child.once('exit', () => {
      clearTimeout(kill)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

/** The webhook-mode agent the simulator seeded, with its first number: who the deliveries are for. */
async function seededAgent(simUrl: string, apiKey: string): Promise<Omit<DeliveryTarget, 'secret'>> {
  const res = await fetch(`${simUrl}/v1/agents`, { headers: { authorization: `Bearer ${apiKey}` } })
  const { data } = (await res.json()) as { data: Array<{ id: string; voiceMode: string; numbers: Array<{ id: string; phoneNumber: string }> }> }
  const agent = data.find((a) => a.voiceMode === 'webhook' && a.numbers.length > 0)
  if (!agent) throw new Error('the simulator seeded no webhook-mode agent with a number')
  return { agentId: agent.id, numberId: agent.numbers[0]!.id, agentNumber: agent.numbers[0]!.phoneNumber }
}

export async function startApp(options: { profileDir?: string } = {}): Promise<AppUnderTest> {
  const receiverPort = await freePort()
  const receiverUrl = `http://127.0.0.1:${receiverPort}/webhook`
  const apiKey = `sk_bench_${randomBytes(12).toString('hex')}`
  const sim = spawn(process.execPath, [CLI, 'sim', '--port', '0', '--api-key', apiKey, '--webhook-url', receiverUrl, '--seed', '--log-level', 'warn'], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-bench-app-'))
  let serve: ChildProcess | null = null
  try {
    const simReady = await readyLine(sim, 'switchboard sim')
    const simUrl = String(simReady.simulator)
    const secret = String(simReady.webhookSecret)
    const agent = await seededAgent(simUrl, apiKey)
    // The secret AgentPhone issued for this receiver, stored where the shell keeps it (0600).
    await writeFile(join(dataDir, 'secrets.json'), JSON.stringify({ apiKey, webhookSecret: secret }), { mode: 0o600 })
    const flags = ['--expose-gc', `--import=data:text/javascript,${encodeURIComponent(MEMORY_PROBE)}`]
    if (options.profileDir) flags.push('--cpu-prof', `--cpu-prof-dir=${options.profileDir}`)
    const args = [...flags, CLI, 'serve', '--port', '0', '--receiver-port', String(receiverPort), '--data-dir', dataDir, '--base-url', simUrl]
    serve = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env: { ...process.env, AGENTPHONE_API_KEY: apiKey } })
    const ready = await readyLine(serve, 'switchboard serve')
    if (ready.receiver !== receiverUrl) throw new Error(`the shell's receiver is ${String(ready.receiver)}, not ${receiverUrl}`)
    const shell = serve
    return {
      receiverUrl,
      bridgeUrl: String(ready.bridge),
      uiUrl: String(ready.ui),
      simUrl,
      apiKey,
      target: { secret, ...agent },
      pid: shell.pid!,
      memory: () =>
        new Promise((resolve) => {
          shell.once('message', (m: Memory) => resolve(m))
          shell.send({ op: 'memory' })
        }),
      stop: async () => {
        await stopChild(shell)
        await stopChild(sim)
        await rm(dataDir, { recursive: true, force: true })
      }
    }
  } catch (error) {
    if (serve) await stopChild(serve)
    await stopChild(sim)
    await rm(dataDir, { recursive: true, force: true })
    throw error
  }
}

/** Forks this script in another role (`--load-client`, `--bridge-readers`, `--baseline bare`…). */
export function forkRole(args: string[]): ChildProcess {
  return fork(process.argv[1]!, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
}

/** Sends `message` to a forked role and resolves with its next answer (`{error}` rejects). */
export function ask<T>(child: ChildProcess, message: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    child.once('message', (answer: T | { error: string }) =>
      answer && typeof answer === 'object' && 'error' in answer ? reject(new Error(answer.error)) : resolve(answer as T)
    )
    child.send(message as object)
  })
}

/** A baseline server in a process of its own. */
export async function startBaseline(kind: 'bare' | 'express', secret: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = forkRole(['--baseline', kind, '--secret', secret])
  const ready = await new Promise<{ url: string }>((resolve) => child.once('message', resolve))
  return {
    url: ready.url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve())
        child.disconnect()
      })
  }
}
