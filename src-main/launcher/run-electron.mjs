// Runs the Electron window and tells apart a window that ran from one that never could.
import { spawn } from 'node:child_process'
import { reasonFromOutput } from './electron-preflight.mjs'

/** Electron dying within this long (non-zero or by a signal) means it could not start. */
export const EARLY_EXIT_MS = 15_000

/** The child's environment: never Node mode, never a dev-server URL the window would trust. */
export function electronEnv(env = process.env) {
  const clean = { ...env }
  delete clean.ELECTRON_RUN_AS_NODE
  delete clean.ELECTRON_RENDERER_URL
  return clean
}

/**
 * Starts Electron on `root` with the person's flags. Resolves `{ code }` when it ran and exited (a
 * signal death becomes 1, as Electron's own cli.js does), or `{ failed: reason }` when it died early.
 */
export function runElectron({ binary, root, argv, env = process.env, earlyMs = EARLY_EXIT_MS }) {
  return new Promise((resolve) => {
    const started = Date.now()
    const child = spawn(binary, [root, ...argv], { cwd: root, env: electronEnv(env), stdio: ['inherit', 'inherit', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk)
      if (stderr.length < 64_000) stderr += chunk.toString()
    })
    const forward = (signal) => () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
    }
    const handlers = ['SIGINT', 'SIGTERM'].map((signal) => [signal, forward(signal)])
    for (const [signal, handler] of handlers) process.on(signal, handler)
    const done = (result) => {
      for (const [signal, handler] of handlers) process.off(signal, handler)
      resolve(result)
    }
    child.once('error', (error) => done({ failed: `Electron could not be run (${error.message})` }))
    child.once('exit', (code, signal) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      const early = Date.now() - started < earlyMs
      if (code === 0) return done({ code: 0 })
      if (!early) return done({ code: code ?? 1 })
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`
      const known = reasonFromOutput(stderr)
      done({ failed: known ? `${known} (Electron ${how})` : `the Electron window ${how} ${seconds} s after starting` })
    })
  })
}
