import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'

export interface ReadyLine {
  ready: true
  ui: string
  bridge: string
  receiver: string
  simulator?: string
}

export interface ServeHandle {
  ready: ReadyLine
  child: ChildProcess
  dataDir: string
  stderr: () => string
  stop(): Promise<number | null>
}

const CLI = path.resolve('out/main/cli.js')

export interface ServeOptions {
  /** A data folder to reuse (a restart); a new temporary one by default. */
  dataDir?: string
  /** Leave out `--port 0 --receiver-port 0`: the ports remembered in the data folder are used. */
  rememberedPorts?: boolean
}

/** Starts the built headless shell (`switchboard serve`) on free ports and waits for its ready line. */
export async function startServe(extraArgs: string[] = [], env: NodeJS.ProcessEnv = {}, options: ServeOptions = {}): Promise<ServeHandle> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'switchboard-e2e-'))
  const ports = options.rememberedPorts ? [] : ['--port', '0', '--receiver-port', '0']
  const child = spawn(process.execPath, [CLI, 'serve', ...ports, '--data-dir', dataDir, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, AGENTPHONE_API_KEY: '', ...env }
  })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const ready = await new Promise<ReadyLine>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not get ready in time:\n${stderr}`)), 30_000)
    readline.createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer)
      try {
        resolve(JSON.parse(line) as ReadyLine)
      } catch {
        reject(new Error(`first stdout line is not JSON: ${line}\n${stderr}`))
      }
    })
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${stderr}`)))
  })
  return {
    ready,
    child,
    dataDir,
    stderr: () => stderr,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode)
        child.once('exit', (code) => resolve(code))
        child.kill('SIGTERM')
      })
  }
}
