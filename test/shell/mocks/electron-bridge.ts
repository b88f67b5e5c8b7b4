/**
 * IPC, the context bridge and safeStorage. The bridge copies what crosses it (and freezes the API it
 * exposes), so tests look at what the page would get; safeStorage follows Electron 40: nothing
 * before ready, no encryption with Linux's basic_text backend, and encryptString throws then.
 */
import { EventEmitter } from 'node:events'
import { vi } from 'vitest'
import { copyAcrossWorlds, globals, ipcClone, singleton } from './electron-state'

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown
type Backend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown'

export const ipcMain = singleton(
  'ipcMain',
  () =>
    Object.assign(new EventEmitter(), {
      handlers: new Map<string, InvokeHandler>(),
      handle(channel: string, handler: InvokeHandler): void {
        if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
        ipcMain.handlers.set(channel, handler)
      },
      removeHandler(channel: string): void {
        ipcMain.handlers.delete(channel)
      },
      /** What Electron does when a renderer invokes `channel`: arguments cloned; no handler, a rejection. */
      async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
        const handler = ipcMain.handlers.get(channel)
        if (!handler) throw new Error(`No handler registered for '${channel}'`)
        return ipcClone(await handler(event, ...ipcClone(args)))
      }
    }),
  (i) => {
    i.handlers.clear()
    i.removeAllListeners()
  }
)

/** The page's own globals (its `window`), as the main world sees them. */
export const mainWorld = singleton(
  'mainWorld',
  () => ({ globals: { focus: vi.fn() } as Record<string, unknown> }),
  (w) => void (w.globals = { focus: vi.fn() })
)

export const contextBridge = singleton('contextBridge', () => ({
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    if (key in mainWorld.globals) throw new Error(`Cannot bind an API on top of an existing property on the window object`)
    mainWorld.globals[key] = copyAcrossWorlds(api, true)
  }),
  /**
   * Runs `func` in the page's world. Electron serialises the function, so it loses its closure: the
   * mock rebuilds it from its source, with only the page's `window` in scope.
   */
  executeInMainWorld: vi.fn(({ func, args = [] }: { func: (...a: unknown[]) => unknown; args?: unknown[] }) => {
    const page = mainWorld.globals
    const rebuilt = new Function('window', 'globalThis', 'self', `return (${func.toString()})`)(page, page, page) as (...a: unknown[]) => unknown
    return copyAcrossWorlds(rebuilt(...args.map((a) => copyAcrossWorlds(a))))
  })
}))

export const ipcRenderer = singleton(
  'ipcRenderer',
  () =>
    Object.assign(new EventEmitter(), {
      invoke: vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => ({ ok: true, value: {} })),
      sentToMain: [] as Array<{ channel: string; args: unknown[] }>,
      send: vi.fn((channel: string, ...args: unknown[]) => void ipcRenderer.sentToMain.push({ channel, args: ipcClone(args) }))
    }),
  (r) => {
    r.removeAllListeners()
    r.sentToMain.length = 0
  }
)

export const safeStorage = singleton(
  'safeStorage',
  () => {
    const s = {
      /** Whether the OS store answers (keychain, DPAPI, a running Secret Service/KWallet). */
      keyring: true,
      backend: 'gnome_libsecret' as Backend,
      /** Electron 40: basic_text counts as available only after setUsePlainTextEncryption(true). */
      isEncryptionAvailable: vi.fn((): boolean => globals().ready && s.keyring && s.backend !== 'basic_text'),
      getSelectedStorageBackend: vi.fn((): Backend => {
        if (!globals().ready) throw new Error('safeStorage cannot be used before app is ready')
        return s.backend
      }),
      // Reversible but not plaintext, so tests can tell ciphertext from the secret.
      encryptString: vi.fn((text: string) => {
        if (!s.isEncryptionAvailable()) throw new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.')
        return Buffer.from(`enc:${Buffer.from(text).toString('hex')}`)
      }),
      decryptString: vi.fn((data: Buffer) => {
        if (!s.isEncryptionAvailable()) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString. Decryption is not available.')
        const text = data.toString()
        if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
        return Buffer.from(text.slice(4), 'hex').toString()
      })
    }
    return s
  },
  (s) => {
    s.keyring = true
    s.backend = 'gnome_libsecret'
  }
)
