/**
 * `npm start` run for real: the launcher's own files, copied into a project folder whose path has a
 * space in it, with stand-ins for the Electron binary, the build tools and the headless shell (each a
 * small Node script that does what the real one would in that situation).
 */
import { spawn } from 'node:child_process'
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { headlessArgs } from '../../src-main/launcher/args.mjs'
import { electronBlocker, reasonFromOutput } from '../../src-main/launcher/electron-preflight.mjs'

let base: string
let project: string

const FAKE_ELECTRON = `#!${process.execPath}
// Behaves as FAKE_ELECTRON says; always records how it was started.
const fs = require('fs')
fs.writeFileSync(process.env.FAKE_RECORD, JSON.stringify({ argv: process.argv.slice(2), runAsNode: process.env.ELECTRON_RUN_AS_NODE ?? null, rendererUrl: process.env.ELECTRON_RENDERER_URL ?? null }))
const mode = process.env.FAKE_ELECTRON
if (mode === 'signal') process.kill(process.pid, 'SIGABRT')
else if (mode === 'root') { console.error('[1:FATAL:electron_main_delegate.cc] Running as root without --no-sandbox is not supported.'); process.exit(1) }
else process.exit(0)
`
const FAKE_HEADLESS = `
if (process.env.FAKE_HEADLESS === 'fail') { console.error('port in use'); process.exit(3) }
process.on('SIGTERM', () => process.exit(0))
require('fs').writeFileSync(process.env.FAKE_RECORD + '.headless', JSON.stringify(process.argv.slice(2)))
console.log(JSON.stringify({ ready: true, ui: 'http://127.0.0.1:5/#token=t', simulator: 'http://127.0.0.1:6' }))
setInterval(() => {}, 1000)
`
const FAKE_BUILD = (files: string[]) => `
const fs = require('fs'); const path = require('path')
for (const f of ${JSON.stringify(files)}) { fs.mkdirSync(path.dirname(f), { recursive: true }); fs.writeFileSync(f, 'built') }
fs.appendFileSync(process.env.FAKE_RECORD + '.build', process.argv.slice(2).join(' ') + '\\n')
`

function writePackage(name: string, files: Record<string, string>, manifest: Record<string, unknown> = {}): void {
  const dir = path.join(project, 'node_modules', name)
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, version: '0.0.0', ...manifest }))
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    writeFileSync(path.join(dir, file), text)
  }
}

beforeAll(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'switchboard launcher-'))
  project = path.join(base, 'My Projects', 'switch board')
  cpSync(path.resolve('src-main/launcher'), path.join(project, 'src-main', 'launcher'), { recursive: true })
  for (const dir of ['src-preload', 'src-renderer']) mkdirSync(path.join(project, dir), { recursive: true })
  writePackage('electron', { 'index.js': "module.exports = require('path').join(__dirname, 'dist', 'electron')", 'dist/electron': FAKE_ELECTRON })
  chmodSync(path.join(project, 'node_modules/electron/dist/electron'), 0o755)
  const out = (f: string) => path.join(project, 'out', f)
  writePackage('electron-vite', { 'bin/cli.js': FAKE_BUILD(['main/index.js', 'preload/index.cjs', 'renderer/index.html'].map(out)) }, { bin: { 'electron-vite': 'bin/cli.js' } })
  writePackage('vite', { 'bin/vite.js': FAKE_BUILD([out('web/index.html')]) }, { bin: { vite: 'bin/vite.js' } })
})
afterAll(() => rmSync(base, { recursive: true, force: true }))

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs the copied launcher with `node <path with spaces>`; `untilReady` sends SIGTERM once the address is printed. */
function launch(args: string[], env: Record<string, string>, untilReady = false): Promise<Run> {
  const record = path.join(base, 'record.json')
  rmSync(record, { force: true })
  rmSync(`${record}.headless`, { force: true })
  writeFileSync(path.join(project, 'out-main-cli.js'), FAKE_HEADLESS)
  mkdirSync(path.join(project, 'out', 'main'), { recursive: true })
  if (!existsSync(path.join(project, 'out', 'main', 'cli.js'))) cpSync(path.join(project, 'out-main-cli.js'), path.join(project, 'out', 'main', 'cli.js'))
  const child = spawn(process.execPath, [path.join(project, 'src-main', 'launcher', 'start.mjs'), ...args], {
    cwd: base,
    env: { PATH: process.env.PATH ?? '', HOME: base, FAKE_RECORD: record, DISPLAY: ':99', ELECTRON_RUN_AS_NODE: '1', ELECTRON_RENDERER_URL: 'http://127.0.0.1:1/', ...env }
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString()
    if (untilReady && stdout.includes('Open this address')) child.kill('SIGTERM')
  })
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })))
}

const recorded = () => JSON.parse(readFileSync(path.join(base, 'record.json'), 'utf8')) as { argv: string[]; runAsNode: string | null; rendererUrl: string | null }

describe('npm start from a folder with spaces in its path', () => {
  it('builds with the local tools (no npx), then runs Electron on the project with the flags passed through', async () => {
    // The build writes cli.js too; the headless stand-in is written over it before each run.
    const run = await launch(['--no-sandbox', '--password-store=gnome-libsecret'], { FAKE_ELECTRON: 'ok' })
    expect(run.stdout).toContain('building')
    expect(readFileSync(path.join(base, 'record.json.build'), 'utf8')).toBe('build\nbuild --config vite.web.config.ts --logLevel warn\n')
    expect(run.code).toBe(0)
    const seen = recorded()
    expect(seen.argv).toEqual([project, '--no-sandbox', '--password-store=gnome-libsecret'])
    // Never Node mode, never a dev-server URL the window would trust.
    expect(seen.runAsNode).toBeNull()
    expect(seen.rendererUrl).toBeNull()
  })

  it('falls back to the headless shell, in one sentence, when Electron dies by a signal while starting', async () => {
    const run = await launch(['--no-sandbox', '--port', '4100', '--password-store=basic'], { FAKE_ELECTRON: 'signal' }, true)
    expect(run.stdout).not.toContain('building')
    expect(run.stdout).toMatch(/Opening Switchboard in your browser instead of a window, because the Electron window was killed by SIGABRT [\d.]+ s after starting\./)
    expect(run.stdout).toContain('Open this address in your browser: http://127.0.0.1:5/#token=t')
    // Only the flags the headless shell knows reach it.
    expect(JSON.parse(readFileSync(path.join(base, 'record.json.headless'), 'utf8'))).toEqual(['serve', '--port', '4100', '--log-level', 'warn'])
    expect(run.code).toBe(0)
  })

  it('names the reason Electron printed', async () => {
    const run = await launch(['--no-sandbox'], { FAKE_ELECTRON: 'root' }, true)
    expect(run.stdout).toContain('because Electron does not run as root unless started with --no-sandbox (Electron exited with code 1).')
  })

  it('exits non-zero when neither Electron nor the headless shell could start', async () => {
    const run = await launch(['--no-sandbox'], { FAKE_ELECTRON: 'signal', FAKE_HEADLESS: 'fail' })
    expect(run.code).toBe(3)
    expect(run.stderr).toContain('port in use')
  })

  it('goes straight to the headless shell without a display', async () => {
    const run = await launch([], { FAKE_ELECTRON: 'ok', DISPLAY: '' }, true)
    expect(existsSync(path.join(base, 'record.json'))).toBe(false)
    expect(run.stdout).toContain('because there is no display to open a window on.')
  })
})

describe('launcher checks', () => {
  it('refuses root without --no-sandbox before trying, and reads the Ubuntu sandbox failure', () => {
    const env = { DISPLAY: ':0' }
    expect(electronBlocker({ binary: '/x/electron', argv: [], env, platform: 'linux', uid: 0 })).toMatch(/root/)
    expect(electronBlocker({ binary: '/x/electron', argv: ['--no-sandbox'], env, platform: 'linux', uid: 0 })).toBeNull()
    expect(electronBlocker({ binary: '/x/electron', argv: [], env: {}, platform: 'linux', uid: 1000 })).toMatch(/no display/)
    expect(electronBlocker({ binary: '/x/electron', argv: [], env: {}, platform: 'darwin', uid: 0 })).toBeNull()
    expect(reasonFromOutput('FATAL: The SUID sandbox helper binary was found, but is not configured correctly.')).toMatch(/chrome-sandbox/)
    expect(reasonFromOutput('electron: error while loading shared libraries: libnss3.so: cannot open')).toContain('libnss3.so')
    expect(reasonFromOutput('something else')).toBeNull()
  })

  it('flags a chrome-sandbox that is not setuid root where user namespaces are refused', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-'))
    const proc = path.join(dir, 'proc')
    mkdirSync(proc)
    writeFileSync(path.join(proc, 'apparmor_restrict_unprivileged_userns'), '1\n')
    writeFileSync(path.join(dir, 'chrome-sandbox'), '')
    chmodSync(path.join(dir, 'chrome-sandbox'), 0o755)
    const o = { binary: path.join(dir, 'electron'), argv: [], env: { DISPLAY: ':0' }, platform: 'linux' as const, uid: 1000, proc }
    expect(electronBlocker(o)).toMatch(/not owned by root with mode 4755/)
    writeFileSync(path.join(proc, 'apparmor_restrict_unprivileged_userns'), '0\n')
    expect(electronBlocker(o)).toBeNull()
    rmSync(dir, { recursive: true, force: true })
  })

  it('passes the headless shell only its own flags', () => {
    expect(headlessArgs(['--password-store=gnome-libsecret', '--host', '0.0.0.0', '--no-sandbox', '--log-level=debug', '--data-dir', '/a b'])).toEqual([
      '--host',
      '0.0.0.0',
      '--log-level=debug',
      '--data-dir',
      '/a b'
    ])
  })
})
