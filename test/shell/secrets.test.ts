import { beforeEach, describe, expect, it, vi } from 'vitest'
import { memoryStore } from '../../src-main/core/ports'
import { CoreError } from '../../src-main/core/errors'
import { createSafeSecretStore, SECRETS_KEY } from '../../src-main/shell/secrets'
import { resetElectronMock, safeStorage } from './mocks/electron'

vi.mock('electron', () => import('./mocks/electron'))

beforeEach(() => resetElectronMock())

function make(platform: NodeJS.Platform = 'linux') {
  const store = memoryStore()
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

  it('refuses to store plaintext when encryption is unavailable, and says so', () => {
    safeStorage.available = false
    const { store, secrets, onUnavailable } = make()
    expect(() => secrets.set('apiKey', 'sk_live_x')).toThrow(CoreError)
    expect(() => secrets.set('apiKey', 'sk_live_x')).toThrow(/Secure storage is not available/)
    expect(onUnavailable).toHaveBeenCalled()
    expect(store.get(SECRETS_KEY)).toBeUndefined()
    expect(safeStorage.encryptString).not.toHaveBeenCalled()
    expect(secrets.availability()).toMatchObject({ available: false, reason: expect.stringContaining('AGENTPHONE_API_KEY') })
  })

  it("treats Linux's basic_text backend as unavailable", () => {
    safeStorage.backend = 'basic_text'
    const { store, secrets } = make('linux')
    expect(() => secrets.set('apiKey', 'sk_live_x')).toThrow(/not available/)
    expect(store.get(SECRETS_KEY)).toBeUndefined()
    expect(make('darwin').secrets.availability().available).toBe(true)
  })

  it('answers undefined for a secret that no longer decrypts', () => {
    const { store, secrets } = make()
    store.set(SECRETS_KEY, { apiKey: Buffer.from('garbage').toString('base64') })
    expect(secrets.get('apiKey')).toBeUndefined()
  })
})
