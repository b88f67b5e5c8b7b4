/**
 * `npm run dist` where the Electron runtime cannot be had (a real child process), the runtime
 * check against a real HTTP mirror, which zips a build needs, and how absent signing secrets are
 * read (unsigned, never a half-configured signature).
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'yaml'
import { afterEach, describe, expect, it } from 'vitest'
import { BUILDER_CONFIG, builderArgs, runtimeTargets } from '../../src-main/build/dist.mjs'
import { checkElectronRuntime } from '../../src-main/build/runtime-check.mjs'
import { signingEnvironment } from '../../src-main/build/signing-env.mjs'

const config = parse(readFileSync(BUILDER_CONFIG, 'utf8')) as Record<string, unknown>
const servers: Server[] = []
afterEach(() => {
  for (const server of servers.splice(0)) server.close()
})

/** A mirror that has the given files; records what was asked. */
async function mirror(files: string[]): Promise<{ url: string; asked: string[] }> {
  const asked: string[] = []
  const server = createServer((req, res) => {
    asked.push(`${req.method} ${req.url}`)
    res.writeHead(files.includes(req.url ?? '') ? 200 : 404).end()
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, asked }
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

function emptyCaches(): Record<string, string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-cache-'))
  // Every place a cached Electron zip could be found (a developer's warm cache must not make these pass).
  return { HOME: dir, USERPROFILE: dir, XDG_CACHE_HOME: dir, LOCALAPPDATA: dir, ELECTRON_CACHE: path.join(dir, 'electron'), electron_config_cache: path.join(dir, 'electron'), ELECTRON_BUILDER_CACHE: path.join(dir, 'builder') }
}

describe('npm run dist without an Electron runtime', () => {
  it('says why in one sentence and exits 1, without a stack trace', async () => {
    const env = { ...process.env, ...emptyCaches(), ELECTRON_MIRROR: `http://127.0.0.1:${await closedPort()}/` }
    const outcome = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, ['src-main/build/dist.mjs'], { env }, (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }))
    })
    expect(outcome.code).toBe(1)
    const lines = outcome.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(new RegExp(`^\\[switchboard\\] npm run dist cannot build here: the Electron \\S+ runtime for ${process.platform}-\\w+ .*cannot be downloaded \\(127\\.0\\.0\\.1:\\d+ could not be reached: ECONNREFUSED\\)`))
    expect(lines[0]!.match(/\. /g) ?? []).toHaveLength(0)
    expect(outcome.stderr).not.toMatch(/\n\s+at /)
    expect(outcome.stdout).toBe('')
  })
})

describe('the Electron runtime check', () => {
  const targets = [{ platform: 'darwin', arch: 'x64' }, { platform: 'darwin', arch: 'arm64' }]

  it('passes when the mirror has every zip, asking once per zip', async () => {
    const server = await mirror(['/v40.9.3/electron-v40.9.3-darwin-x64.zip', '/v40.9.3/electron-v40.9.3-darwin-arm64.zip'])
    const result = await checkElectronRuntime({ version: '40.9.3', targets, env: { ...emptyCaches(), ELECTRON_MIRROR: server.url } })
    expect(result).toEqual({ ok: true, zips: ['electron-v40.9.3-darwin-x64.zip', 'electron-v40.9.3-darwin-arm64.zip'] })
    expect(server.asked).toEqual(['HEAD /v40.9.3/electron-v40.9.3-darwin-x64.zip', 'HEAD /v40.9.3/electron-v40.9.3-darwin-arm64.zip'])
  })

  it('names the zip the mirror does not have', async () => {
    const server = await mirror(['/v40.9.3/electron-v40.9.3-darwin-x64.zip'])
    const result = await checkElectronRuntime({ version: '40.9.3', targets, env: { ...emptyCaches(), ELECTRON_MIRROR: server.url } })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.reason).toMatch(/darwin-arm64 \(electron-v40\.9\.3-darwin-arm64\.zip\) cannot be downloaded \(127\.0\.0\.1:\d+ answered HTTP 404\)/)
  })

  it('needs no network for a zip already in the download cache', async () => {
    const caches = emptyCaches()
    mkdirSync(path.join(caches.electron_config_cache!, 'abc123'), { recursive: true })
    writeFileSync(path.join(caches.electron_config_cache!, 'abc123', 'electron-v40.9.3-linux-x64.zip'), 'zip')
    const server = await mirror([])
    const result = await checkElectronRuntime({ version: '40.9.3', targets: [{ platform: 'linux', arch: 'x64' }], env: { ...caches, ELECTRON_MIRROR: server.url } })
    expect(result.ok).toBe(true)
    expect(server.asked).toEqual([])
  })
})

describe('which runtimes a build needs', () => {
  it('follows the configuration per platform, the arch flags, and the host otherwise', () => {
    const host = { platform: 'linux', arch: 'x64' }
    expect(runtimeTargets([], config, host)).toEqual([{ platform: 'linux', arch: 'x64' }])
    expect(runtimeTargets(['--mac'], config, host)).toEqual([{ platform: 'darwin', arch: 'x64' }, { platform: 'darwin', arch: 'arm64' }])
    expect(runtimeTargets(['-w'], config, host)).toEqual([{ platform: 'win32', arch: 'x64' }])
    expect(runtimeTargets(['--linux', '--arm64'], config, host)).toEqual([{ platform: 'linux', arch: 'arm64' }])
    expect(runtimeTargets(['--mac', '--universal'], config, host)).toEqual([{ platform: 'darwin', arch: 'x64' }, { platform: 'darwin', arch: 'arm64' }])
  })
})

describe('what electron-builder is given', () => {
  it('our configuration file (kept under resources/) and never a publish, unless the command line says otherwise', () => {
    expect(builderArgs(['--linux'])).toEqual(['--linux', '--config', BUILDER_CONFIG, '--publish', 'never'])
    expect(builderArgs(['--publish', 'always'])).toEqual(['--publish', 'always', '--config', BUILDER_CONFIG])
    expect(builderArgs(['--config=other.yml', '-p', 'onTag'])).toEqual(['--config=other.yml', '-p', 'onTag'])
    expect(existsSync(BUILDER_CONFIG)).toBe(true)
    expect(existsSync('electron-builder.yml')).toBe(false)
  })
})

describe('signing secrets', () => {
  it('drops secrets the repository does not have (empty strings), so the build is unsigned rather than broken', () => {
    const { env, summary } = signingEnvironment({ CI: 'true', CSC_LINK: '', CSC_KEY_PASSWORD: '  ', APPLE_ID: '', WIN_CSC_LINK: '', PATH: '/bin' })
    expect(env).toEqual({ CI: 'true', PATH: '/bin', CSC_IDENTITY_AUTO_DISCOVERY: 'false' })
    expect(summary).toBe('macOS unsigned, not notarised, Windows unsigned')
  })

  it('keeps the ones it has and says what the build will be', () => {
    const given = { CI: 'true', CSC_LINK: 'base64cert', CSC_KEY_PASSWORD: 'pw', APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'x', APPLE_TEAM_ID: 'T' }
    const { env, summary } = signingEnvironment(given)
    expect(env).toEqual(given)
    expect(summary).toBe('macOS signed, notarised, Windows signed')
    expect(signingEnvironment({ APPLE_ID: 'a@b.c' }).summary).toBe('macOS unsigned, not notarised, Windows unsigned')
  })
})
