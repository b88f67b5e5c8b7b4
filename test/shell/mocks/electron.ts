/**
 * A hand-written stand-in for the `electron` module: just enough of each API the shell and the
 * preload use, recording what they were given so tests can assert on it. Wire it with
 * `vi.mock('electron', () => import('./mocks/electron'))` and call `resetElectronMock()` per test.
 *
 * Shared state lives on globalThis: vi.resetModules re-runs this file, and every evaluation must
 * hand out the same objects the code under test received.
 */
import { EventEmitter } from 'node:events'
import { pathToFileURL } from 'node:url'
import { vi } from 'vitest'

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown
type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string | string[]> }) => void
) => void
type Backend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown'

/** A frame: top frames have no parent; each gets its own token, like Chromium's frame tokens. */
export class MockWebFrame {
  readonly frameToken = `frame-${++state().tokens}`
  constructor(
    public url: string,
    public parent: MockWebFrame | null = null,
    public processId = 1
  ) {}
}

/** A navigation-style event: records whether the app prevented it. */
export class MockEvent {
  defaultPrevented = false
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true
  }
}

export class MockWebContents extends EventEmitter {
  mainFrame = new MockWebFrame('about:blank')
  readonly sent: Array<{ channel: string; args: unknown[] }> = []
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  destroyed = false
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args })
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  /** Emits a navigation event the way Electron does; answers whether it was prevented. */
  attempt(name: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', url: string): boolean {
    const event = new MockEvent(url)
    this.emit(name, event, url)
    return event.defaultPrevented
  }
}

export class BrowserWindow extends EventEmitter {
  /** Every window created since the last reset. */
  static get instances(): BrowserWindow[] {
    return state().windows
  }
  readonly webContents = new MockWebContents()
  loadedUrl: string | null = null
  destroyed = false
  shown = false
  constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
    super()
    state().windows.push(this)
  }
  static getAllWindows(): BrowserWindow[] {
    return state().windows.filter((w) => !w.destroyed)
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url
    this.webContents.mainFrame = new MockWebFrame(url)
    return Promise.resolve()
  }
  loadFile(path: string): Promise<void> {
    return this.loadURL(pathToFileURL(path).href)
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  isMinimized(): boolean {
    return false
  }
  show(): void {
    this.shown = true
  }
  focus(): void {}
  restore(): void {}
}

/** An IPC event as if sent by `contents` from `frame` (its main frame unless told otherwise). */
export function ipcEvent(contents: MockWebContents, frame: MockWebFrame | null = contents.mainFrame): unknown {
  return { sender: contents, senderFrame: frame, processId: frame?.processId ?? 0, frameId: 1 }
}

function createSingletons() {
  const ipcMain = {
    handlers: new Map<string, InvokeHandler>(),
    listeners: new Map<string, (...args: unknown[]) => void>(),
    handle(channel: string, handler: InvokeHandler): void {
      if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
      ipcMain.handlers.set(channel, handler)
    },
    removeHandler(channel: string): void {
      ipcMain.handlers.delete(channel)
    },
    on(channel: string, listener: (...args: unknown[]) => void): void {
      ipcMain.listeners.set(channel, listener)
    },
    /** What Electron does when a renderer invokes `channel`: no handler, a rejected promise. */
    async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
      const handler = ipcMain.handlers.get(channel)
      if (!handler) throw new Error(`No handler registered for '${channel}'`)
      return handler(event, ...args)
    }
  }
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    requestSingleInstanceLock: vi.fn(() => true),
    whenReady: vi.fn(() => Promise.resolve()),
    quit: vi.fn(),
    exit: vi.fn(),
    getPath: vi.fn((_name: string) => '/tmp/switchboard-test-userdata'),
    getVersion: vi.fn(() => '0.1.0-test')
  })
  const safeStorage = {
    available: true,
    backend: 'gnome_libsecret' as Backend,
    isEncryptionAvailable: vi.fn((): boolean => safeStorage.available),
    getSelectedStorageBackend: vi.fn((): Backend => safeStorage.backend),
    // Reversible but not plaintext, so tests can tell ciphertext from the secret.
    encryptString: vi.fn((text: string) => Buffer.from(`enc:${Buffer.from(text).toString('hex')}`)),
    decryptString: vi.fn((data: Buffer) => {
      const text = data.toString()
      if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
      return Buffer.from(text.slice(4), 'hex').toString()
    })
  }
  const defaultSession = {
    headersListener: null as HeadersListener | null,
    permissionRequestHandler: null as ((...args: unknown[]) => void) | null,
    permissionCheckHandler: null as ((...args: unknown[]) => boolean) | null,
    webRequest: {
      onHeadersReceived(listener: HeadersListener): void {
        defaultSession.headersListener = listener
      }
    },
    setPermissionRequestHandler(handler: (...args: unknown[]) => void): void {
      defaultSession.permissionRequestHandler = handler
    },
    setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void {
      defaultSession.permissionCheckHandler = handler
    }
  }
  const contextBridge = {
    exposed: new Map<string, unknown>(),
    exposeInMainWorld: vi.fn((key: string, api: unknown) => void contextBridge.exposed.set(key, api))
  }
  const ipcRenderer = Object.assign(new EventEmitter(), {
    invoke: vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => ({ ok: true, value: {} }))
  })
  return {
    tokens: 0,
    windows: [] as BrowserWindow[],
    ipcMain,
    app,
    safeStorage,
    session: { defaultSession },
    contextBridge,
    ipcRenderer,
    dialog: { showMessageBox: vi.fn(async () => ({ response: 0 })), showErrorBox: vi.fn() },
    shell: { openPath: vi.fn(async () => '') }
  }
}

type MockState = ReturnType<typeof createSingletons>
function state(): MockState {
  const holder = globalThis as { __switchboardElectronMock?: MockState }
  return (holder.__switchboardElectronMock ??= createSingletons())
}

export const { ipcMain, app, safeStorage, session, contextBridge, ipcRenderer, dialog, shell } = state()

/** Puts every recorder back to its first state. */
export function resetElectronMock(): void {
  const s = state()
  s.windows.length = 0
  s.ipcMain.handlers.clear()
  s.ipcMain.listeners.clear()
  s.app.removeAllListeners()
  s.app.isPackaged = false
  s.safeStorage.available = true
  s.safeStorage.backend = 'gnome_libsecret'
  const d = s.session.defaultSession
  d.headersListener = null
  d.permissionRequestHandler = null
  d.permissionCheckHandler = null
  s.contextBridge.exposed.clear()
  s.ipcRenderer.removeAllListeners()
  vi.clearAllMocks()
}

export default { app, BrowserWindow, ipcMain, safeStorage, session, contextBridge, ipcRenderer, dialog, shell }
