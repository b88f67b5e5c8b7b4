/**
 * BrowserWindow and webContents as Electron documents them for what the shell uses: loads that
 * resolve later and may fail, `ready-to-show` only once the page lays something out, visibility and
 * focus that change state, IPC sends that structured-clone, and a renderer that can crash.
 */
import { EventEmitter } from 'node:events'
import { vi } from 'vitest'
import { ELECTRON_OBJECT, globals, ipcClone, singleton } from './electron-state'
import { loadThroughSession } from './electron-session'

/** A frame: top frames have no parent; each gets its own token, like Chromium's frame tokens. */
export class MockWebFrame {
  readonly frameToken = `frame-${++globals().tokens}`
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

/** How the next page load goes: `paints: false` is a bundle that throws before React renders. */
export const pageBehaviour = singleton('pageBehaviour', () => ({ fails: false, paints: true }), (b) => {
  b.fails = false
  b.paints = true
})

export class MockWebContents extends EventEmitter {
  readonly [ELECTRON_OBJECT] = true
  mainFrame = new MockWebFrame('about:blank')
  readonly sent: Array<{ channel: string; args: unknown[] }> = []
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  destroyed = false
  /** The Content-Security-Policy the last load ran under (header, from a protocol handler or webRequest). */
  csp: string | null = null
  reloads = 0
  constructor(readonly type: 'window' | 'devtools' | 'webview' = 'window') {
    super()
  }
  getType(): string {
    return this.type
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler
  }
  /** Electron structured-clones every argument and throws on what cannot be cloned. */
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args: ipcClone(args) })
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  reload(): void {
    this.reloads += 1
  }
  replaceMisspelling = vi.fn()
  /** Emits a navigation event the way Electron does; answers whether it was prevented. */
  attempt(name: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', url: string): boolean {
    const event = new MockEvent(url)
    this.emit(name, event, url)
    return event.defaultPrevented
  }
  /**
   * The page is closed or reloaded and its beforeunload handler cancels. Electron then emits
   * `will-prevent-unload`; calling preventDefault on it ignores the handler, so the page unloads.
   * Without a listener the unload is cancelled silently. Answers whether the page unloads.
   */
  unloadWithPageRefusing(): boolean {
    const event = new MockEvent()
    this.emit('will-prevent-unload', event)
    return event.defaultPrevented
  }
  /** The renderer process died (Electron: `render-process-gone` with details). */
  crash(reason = 'crashed'): void {
    this.emit('render-process-gone', {}, { reason, exitCode: 133 })
  }
}

interface Bounds {
  x: number
  y: number
  width: number
  height: number
}

export class BrowserWindow extends EventEmitter {
  readonly [ELECTRON_OBJECT] = true
  /** Every window created since the last reset. */
  static get instances(): BrowserWindow[] {
    return windows.list
  }
  static getAllWindows(): BrowserWindow[] {
    return windows.list.filter((w) => !w.destroyed)
  }
  readonly webContents = new MockWebContents()
  loadedUrl: string | null = null
  destroyed = false
  visible = false
  minimized = false
  maximized = false
  focused = false
  flashing = false
  overlay: { image: unknown; description: string } | null = null
  backgroundColor: string | undefined
  bounds: Bounds
  constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown>; show?: boolean }) {
    super()
    windows.list.push(this)
    const o = options as Partial<Bounds>
    this.bounds = { x: o.x ?? 100, y: o.y ?? 100, width: o.width ?? 800, height: o.height ?? 600 }
    this.backgroundColor = options.backgroundColor as string | undefined
    if (options.show !== false) this.show()
  }
  /**
   * Resolves once the page loaded, rejects when it failed (after `did-fail-load`); `ready-to-show`
   * comes only when the page lays something out. The load goes through the session like Chromium's.
   */
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url
    return (async () => {
      await Promise.resolve()
      const outcome = await loadThroughSession(url)
      if (pageBehaviour.fails || !outcome.ok) {
        this.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', url, true)
        throw new Error(`ERR_FILE_NOT_FOUND (-6) loading '${url}'`)
      }
      this.webContents.csp = outcome.csp
      this.webContents.mainFrame = new MockWebFrame(url)
      this.webContents.emit('did-finish-load')
      if (pageBehaviour.paints) this.emit('ready-to-show')
    })()
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  destroy(): void {
    this.destroyed = true
    this.webContents.destroyed = true
    this.emit('closed')
  }
  close(): void {
    const event = new MockEvent()
    this.emit('close', event)
    if (!event.defaultPrevented) this.destroy()
  }
  show(): void {
    this.visible = true
    this.minimized = false
    this.focused = true
    this.emit('show')
  }
  hide(): void {
    this.visible = false
    this.focused = false
  }
  isVisible(): boolean {
    return this.visible
  }
  isMinimized(): boolean {
    return this.minimized
  }
  minimize(): void {
    this.minimized = true
    this.focused = false
  }
  restore(): void {
    this.minimized = false
    this.maximized = false
  }
  maximize(): void {
    this.maximized = true
    this.emit('maximize')
  }
  isMaximized(): boolean {
    return this.maximized
  }
  /** Electron: focusing a hidden window does not show it. */
  focus(): void {
    if (this.visible && !this.minimized) this.focused = true
  }
  blur(): void {
    this.focused = false
    this.emit('blur')
  }
  isFocused(): boolean {
    return this.focused
  }
  flashFrame(flag: boolean): void {
    this.flashing = flag
  }
  setOverlayIcon(image: unknown, description: string): void {
    this.overlay = image ? { image, description } : null
  }
  setBackgroundColor(color: string): void {
    this.backgroundColor = color
  }
  getBounds(): Bounds {
    return { ...this.bounds }
  }
  getNormalBounds(): Bounds {
    return { ...this.bounds }
  }
  setBounds(bounds: Partial<Bounds>): void {
    this.bounds = { ...this.bounds, ...bounds }
    this.emit('resize')
  }
}

const windows = singleton('windows', () => ({ list: [] as BrowserWindow[] }), (w) => void (w.list.length = 0))
