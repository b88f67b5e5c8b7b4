import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { memoryStore } from '../../src-main/core/ports'
import { CoreError } from '../../src-main/core/errors'
import { fileSecretStore } from '../../src-main/server/headless-stores'
import { createSafeSecretStore, SAFE_SECRETS_FILE, SECRETS_KEY } from '../../src-main/shell/secrets'
import { createSettingsStore } from '../../src-main/shell/settings-store'
import { makeReady, resetElectronMock, safeStorage } from './mocks/electron'

vi.mock('electron', () => import('./mocks/electron'))

beforeEach(async () => {
  resetElectronMock()
  await makeReady()
})

function make(platform: NodeJS.Platform = 'linux', store = memoryStore()) {
  const onUnavailable = vi.fn()
  const secrets = createSafeSecretStore({ safeStorage, store, platform, onUnavailable })
  return { store, secrets, onUnavailable }
}

describe('safeStorage secrets', () => {
  it('stores ciphertext as base64 and reads the secret back', () => {
    const { store, secrets } = make()
    secrets.set('apiKey', 'sk_live_very_secret')
    const stored = store.get<Record<string, string>>(SECRETS_KEY) ?? {}
    expect(Object.keys(stored)).toEqual(['apiKey'])
    expect(stored.apiKey).toMatch(/^[A-Za-z0-9+/]+=*$/)
    expect(JSON.stringify(stored)).not.toContain('sk_live_very_secret')
    expect(Buffer.from(stored.apiKey ?? '', 'base64').toString()).not.toContain('sk_live_very_secret')
    expect(safeStorage.encryptString).toHaveBeenCalledWith('sk_live_very_secret')
    expect(secrets.get('apiKey')).toBe('sk_live_very_secret')
    expect(secrets.get('missing')).toBeUndefined()
    secrets.set('apiKey', undefined)
    expect(secrets.get('apiKey')).toBeUndefined()
  })

  it('refuses to store plaintext when no keyring answers, and names the Linux flag', () => {
    safeStorage.keyring = false
    const { store, secrets, onUnavailable } = make()
    expect(() => secrets.set('apiKey', 'sk_live_x')).toThrow(CoreError)
    expect(() => secrets.set('apiKey', 'sk_live_x')).toThrow(/--password-store=gnome-libsecret/)
    expect(onUnavailable).toHaveBeenCalled()
    expect(store.get(SECRETS_KEY)).toBeUndefined()
    expect(secrets.availability()).toMatchObject({ available: false, reason: expect.stringContaining('AGENTPHONE_API_KEY') })
  })

  it("treats Linux's basic_text backend as unavailable (Electron 40 does too)", () => {
    safeStorage.backend = 'basic_text'
    const { store, secrets } = make('linux')
    expect(() => secrets.set('apiKey', 'sk_live_x')).toThrow(/not available/)
    expect(store.get(SECRETS_KEY)).toBeUndefined()
  })

  it('answers undefined for a secret that no longer decrypts', () => {
    const { store, secrets } = make()
    store.set(SECRETS_KEY, { apiKey: Buffer.from('garbage').toString('base64') })
    expect(secrets.get('apiKey')).toBeUndefined()
  })

  it('nothing one shell writes is misread by the other, even in one folder', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'shared-data-'))
    const electron = make('darwin', createSettingsStore({ cwd: dir, name: SAFE_SECRETS_FILE })).secrets
    const headless = fileSecretStore(dir)
    electron.set('webhookSecret', 'whsec_electron')
    headless.set('webhookSecret', 'whsec_headless')
    electron.set('apiKey', 'sk_live_electron')
    expect(electron.get('webhookSecret')).toBe('whsec_electron')
    expect(headless.get('webhookSecret')).toBe('whsec_headless')
    expect(headless.get('apiKey')).toBeUndefined()
    expect(readdirSync(dir).sort()).toEqual([`${SAFE_SECRETS_FILE}.json`, 'secrets.json'])
    // The headless file stays a flat map of its own; the Electron file holds only ciphertext.
    expect(JSON.parse(readFileSync(path.join(dir, 'secrets.json'), 'utf8'))).toEqual({ webhookSecret: 'whsec_headless' })
    expect(readFileSync(path.join(dir, `${SAFE_SECRETS_FILE}.json`), 'utf8')).not.toContain('sk_live_electron')
  })
})

describe('electron-store settings', () => {
  it('keeps literal keys in a real file in the folder given', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'settings-'))
    const store = createSettingsStore({ cwd: dir })
    store.set('window.state', { width: 1 })
    store.set('mode', 'live')
    store.set('mode', undefined)
    expect(JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8'))).toEqual({ 'window.state': { width: 1 } })
    expect(createSettingsStore({ cwd: dir }).get('window.state')).toEqual({ width: 1 })
  })

  it('keeps a corrupt config.json aside and starts with defaults instead of failing to start', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'settings-'))
    writeFileSync(path.join(dir, 'config.json'), '{"mode": "live",')
    const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() }
    const store = createSettingsStore({ cwd: dir, logger, now: () => 42 })
    expect(store.get('mode')).toBeUndefined()
    expect(readFileSync(path.join(dir, 'config.json.corrupt-42'), 'utf8')).toBe('{"mode": "live",')
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('not valid JSON'), expect.anything())
  })
})
