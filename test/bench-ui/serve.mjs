// Starts the built headless shell on free ports (as test/e2e/helpers/serve.ts does) and reads its
// ready line. stop() ends only the child this module started.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'

/** `dataDir`: a folder prepared beforehand (removed on stop like the default temporary one). */
export async function startServe(root, outDir = path.join(root, 'out'), dataDir = null) {
  const cli = path.join(outDir, 'main/cli.js')
  if (!existsSync(cli) || !existsSync(path.join(outDir, 'web/index.html'))) {
    throw new Error('build first: npx electron-vite build && npx vite build --config vite.web.config.ts')
  }
  dataDir ??= mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-'))
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--receiver-port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, AGENTPHONE_API_KEY: '' }
  })
  let stderr = ''
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk.toString()).slice(-20_000)
  })
  const ready = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not get ready in time:\n${stderr}`)), 30_000)
    readline.createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer)
      try {
        resolve(JSON.parse(line))
      } catch {
        reject(new Error(`first stdout line is not JSON: ${line}\n${stderr}`))
      }
    })
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${stderr}`)))
  })
  child.stdout.resume() // keep draining so the child never blocks on a full pipe
  return {
    ready,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        await new Promise((resolve) => {
          const kill = setTimeout(() => child.kill('SIGKILL'), 5000)
          child.once('exit', () => {
            clearTimeout(kill)
            resolve()
          })
          child.kill('SIGTERM')
        })
      }
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
}
