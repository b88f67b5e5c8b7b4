/**
 * Secrets (API key, webhook secrets) encrypted with Electron's safeStorage and kept as base64 in
 * the settings file. When the OS offers no real encryption, storing is refused loudly: a
 * plaintext API key on disk is worse than asking the person to paste it again.
 */
import type { SafeStorage } from 'electron'
import { CoreError } from '../core/errors'
import type { KeyValueStore, Logger, SecretStore } from '../core/ports'
import { silentLogger } from '../core/ports'

/** The store key holding `{ name: base64(ciphertext) }`. */
export const SECRETS_KEY = 'secrets'
/**
 * The file (in userData) holding them. Never `secrets.json`: that is the headless shell's plain map,
 * and neither shell may ever read the other's file as its own.
 */
export const SAFE_SECRETS_FILE = 'safe-secrets'

export const UNAVAILABLE_MESSAGE =
  'Secure storage is not available: Electron found no keychain or keyring it could use, so Switchboard will not save secrets. ' +
  'On Linux with a keyring running (gnome-keyring, KWallet, KeePassXC) start with `npm start -- --password-store=gnome-libsecret` ' +
  '(or `--password-store=kwallet6`); otherwise set AGENTPHONE_API_KEY in the environment.'

export interface SafeSecretStoreOptions {
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
    Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>
  store: KeyValueStore
  platform?: NodeJS.Platform
  logger?: Logger
  /** Told (once per refused write) that a secret could not be stored, so the shell can show it. */
  onUnavailable?: (message: string) => void
}

export interface SafeSecretStore extends SecretStore {
  /** Whether secrets can be stored; `reason` is for the person when they cannot. */
  availability(): { available: boolean; reason: string | null }
}

/** Creates the store. Call after `app` is ready: safeStorage answers only then. */
export function createSafeSecretStore(options: SafeSecretStoreOptions): SafeSecretStore {
  const { safeStorage, store } = options
  const logger = options.logger ?? silentLogger
  const platform = options.platform ?? process.platform

  const available = (): boolean => {
    if (!safeStorage.isEncryptionAvailable()) return false
    // On Linux without a keyring Chromium falls back to a hard-coded key: that is plaintext.
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return false
    return true
  }
  const all = (): Record<string, string> => ({ ...(store.get<Record<string, string>>(SECRETS_KEY) ?? {}) })

  return {
    availability: () => (available() ? { available: true, reason: null } : { available: false, reason: UNAVAILABLE_MESSAGE }),
    get(name) {
      const encoded = all()[name]
      if (encoded === undefined || !available()) return undefined
      try {
        return safeStorage.decryptString(Buffer.from(encoded, 'base64'))
      } catch (error) {
        // Typically a keyring reset: the secret is unreadable, and saying so beats crashing.
        logger.warn('a stored secret could not be decrypted', { name, error: String(error) })
        return undefined
      }
    },
    set(name, value) {
      const data = all()
      if (value === undefined) {
        delete data[name]
        store.set(SECRETS_KEY, data)
        return
      }
      if (!available()) {
        logger.error('refused to store a secret without encryption', { name })
        options.onUnavailable?.(UNAVAILABLE_MESSAGE)
        throw new CoreError('not_available', UNAVAILABLE_MESSAGE)
      }
      try {
        data[name] = safeStorage.encryptString(value).toString('base64')
      } catch (error) {
        // The keyring went away between the check and the write (locked, stopped).
        logger.error('encrypting a secret failed', { name, error: String(error) })
        throw new CoreError('not_available', UNAVAILABLE_MESSAGE)
      }
      store.set(SECRETS_KEY, data)
    }
  }
}
