/**
 * The desktop pieces: menus, tray, images, displays, clipboard, notifications from main, theme and
 * power events. Menus keep the template so tests can find and click items the way a person would.
 */
import { EventEmitter } from 'node:events'
import { existsSync } from 'node:fs'
import { vi } from 'vitest'
import { ELECTRON_OBJECT, requireReady, singleton } from './electron-state'

export interface MenuItemOptions {
  label?: string
  role?: string
  type?: string
  accelerator?: string
  enabled?: boolean
  visible?: boolean
  submenu?: MenuItemOptions[] | Menu
  click?: (...args: unknown[]) => void
}

export class Menu {
  readonly [ELECTRON_OBJECT] = true
  constructor(readonly items: MenuItemOptions[]) {}
  static buildFromTemplate(template: MenuItemOptions[]): Menu {
    return new Menu(template.map((item) => ({ ...item, submenu: Array.isArray(item.submenu) ? Menu.buildFromTemplate(item.submenu) : item.submenu })))
  }
  static setApplicationMenu(menu: Menu | null): void {
    ui.applicationMenu = menu
  }
  static getApplicationMenu(): Menu | null {
    return ui.applicationMenu
  }
  popup = vi.fn()
  /** Every item, depth first, with its path of labels (roles stand in for missing labels). */
  flat(prefix: string[] = []): Array<MenuItemOptions & { path: string[] }> {
    return this.items.flatMap((item) => {
      const path = [...prefix, item.label ?? item.role ?? item.type ?? '?']
      const sub = item.submenu instanceof Menu ? item.submenu.flat(path) : []
      return [{ ...item, path }, ...sub]
    })
  }
  find(label: string): (MenuItemOptions & { path: string[] }) | undefined {
    return this.flat().find((item) => item.label === label)
  }
}

export class NativeImage {
  readonly [ELECTRON_OBJECT] = true
  template = false
  constructor(readonly path: string) {}
  isEmpty(): boolean {
    return !existsSync(this.path)
  }
  setTemplateImage(flag: boolean): void {
    this.template = flag
  }
  isTemplateImage(): boolean {
    return this.template
  }
}

export const nativeImage = {
  createFromPath: (path: string) => new NativeImage(path),
  createEmpty: () => new NativeImage('')
}

export class Tray extends EventEmitter {
  readonly [ELECTRON_OBJECT] = true
  static get instances(): Tray[] {
    return ui.trays
  }
  tooltip = ''
  title = ''
  menu: Menu | null = null
  destroyed = false
  constructor(public image: NativeImage) {
    super()
    requireReady('Tray')
    ui.trays.push(this)
  }
  setToolTip(text: string): void {
    this.tooltip = text
  }
  setTitle(title: string): void {
    this.title = title
  }
  setImage(image: NativeImage): void {
    this.image = image
  }
  setContextMenu(menu: Menu | null): void {
    this.menu = menu
  }
  destroy(): void {
    this.destroyed = true
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
}

export interface Display {
  id: number
  bounds: { x: number; y: number; width: number; height: number }
  workArea: { x: number; y: number; width: number; height: number }
}

const primary: Display = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 25, width: 1920, height: 1055 } }

const ui = singleton(
  'ui',
  () => ({ applicationMenu: null as Menu | null, trays: [] as Tray[], displays: [primary] as Display[], clipboard: '', dark: true, notifications: [] as MainNotification[] }),
  (u) => {
    u.applicationMenu = null
    u.trays.length = 0
    u.displays = [primary]
    u.clipboard = ''
    u.dark = true
    u.notifications.length = 0
    nativeTheme.removeAllListeners()
    powerMonitor.removeAllListeners()
  }
)

export const screen = {
  /** Electron: the screen module cannot be used before ready. */
  getAllDisplays(): Display[] {
    requireReady('screen')
    return ui.displays
  },
  getPrimaryDisplay(): Display {
    requireReady('screen')
    return ui.displays[0]!
  },
  /** Tests attach or remove monitors here. */
  setDisplays(displays: Display[]): void {
    ui.displays = displays
  }
}

export const clipboard = singleton('clipboard', () => ({
  writeText: vi.fn((text: string) => void (ui.clipboard = text)),
  readText: () => ui.clipboard
}))

export const shell = singleton('shell', () => ({ openExternal: vi.fn(async (_url: string) => undefined), openPath: vi.fn(async (_path: string) => '') }))

export class MainNotification extends EventEmitter {
  readonly [ELECTRON_OBJECT] = true
  static isSupported(): boolean {
    return true
  }
  static get shown(): MainNotification[] {
    return ui.notifications
  }
  constructor(readonly options: { title: string; body?: string }) {
    super()
  }
  show(): void {
    ui.notifications.push(this)
  }
}

class MockNativeTheme extends EventEmitter {
  get shouldUseDarkColors(): boolean {
    return ui.dark
  }
  /** Tests switch the OS theme here; Electron emits `updated`. */
  setDark(dark: boolean): void {
    ui.dark = dark
    this.emit('updated')
  }
}

export const nativeTheme = singleton('nativeTheme', () => new MockNativeTheme())

export const powerMonitor = singleton('powerMonitor', () => new EventEmitter())

/** `showMessageBoxSync` answers the index of the button pressed; Escape answers `cancelId`. */
export const dialog = singleton('dialog', () => ({
  showMessageBox: vi.fn(async () => ({ response: 0 })),
  showMessageBoxSync: vi.fn((_window: unknown, options: { cancelId?: number }) => options.cancelId ?? 0),
  showErrorBox: vi.fn()
}))
