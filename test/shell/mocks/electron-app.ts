/**
 * The `app` module as Electron documents it, for what the shell uses: paths that must be set before
 * `ready`, switches that count only before `ready`, `quit()` that emits `before-quit` again each time
 * (and leaves only when nobody prevented it), and the single-instance lock.
 */
import { EventEmitter } from 'node:events'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { vi } from 'vitest'
import { globals, singleton } from './electron-state'

class PreventableEvent {
  defaultPrevented = false
  preventDefault(): void {
    this.defaultPrevented = true
  }
}

function makeApp() {
  const base = mkdtempSync(path.join(os.tmpdir(), 'switchboard-mock-app-'))
  const paths = new Map<string, string>()
  const switches = new Map<string, string>()
  const app = Object.assign(new EventEmitter(), {
    /** Where getPath('appData') points: a real, empty temp folder per reset. */
    base,
    name: 'switchboard',
    isPackaged: false,
    /** Whether quit() ran through to the end (no before-quit prevented it), or exit() was called. */
    exited: null as number | null,
    lockHeld: false,
    /** What requestSingleInstanceLock answers next (another instance may hold it). */
    lockAvailable: true,
    appUserModelId: null as string | null,
    badgeCount: 0,
    /** Switches as Chromium sees them: only those appended before ready. */
    switches,
    lateSwitches: [] as string[],
    paths,
    isReady: () => globals().ready,
    whenReady: vi.fn(async () => {
      await Promise.resolve()
      if (!globals().ready) {
        globals().ready = true
        app.emit('ready')
      }
    }),
    getName: () => app.name,
    setName: (name: string) => void (app.name = name),
    getVersion: vi.fn(() => '0.1.0-test'),
    getPath: vi.fn((name: string): string => {
      const set = paths.get(name)
      if (set) return set
      if (name === 'appData') return path.join(app.base, 'appData')
      if (name === 'userData') return path.join(base, 'appData', app.name)
      if (name === 'sessionData') return app.getPath('userData')
      if (name === 'logs') return path.join(app.getPath('userData'), 'logs')
      return path.join(app.base, name)
    }),
    setPath: vi.fn((name: string, value: string) => {
      // Electron: changing userData/sessionData after ready does not move what Chromium opened.
      if (globals().ready && (name === 'userData' || name === 'sessionData')) throw new Error(`setPath('${name}') after ready has no effect on Chromium`)
      paths.set(name, value)
    }),
    commandLine: {
      appendSwitch: vi.fn((name: string, value = '') => {
        if (globals().ready) app.lateSwitches.push(name)
        else switches.set(name, value)
      }),
      hasSwitch: (name: string) => switches.has(name),
      getSwitchValue: (name: string) => switches.get(name) ?? ''
    },
    requestSingleInstanceLock: vi.fn(() => {
      if (!app.lockAvailable) return false
      app.lockHeld = true
      return true
    }),
    releaseSingleInstanceLock: vi.fn(() => void (app.lockHeld = false)),
    setAppUserModelId: vi.fn((id: string) => void (app.appUserModelId = id)),
    setBadgeCount: vi.fn((count = 0) => {
      app.badgeCount = count
      return true
    }),
    focus: vi.fn(),
    /** Electron: emits before-quit (preventable), then will-quit (preventable), then quit. */
    quit: vi.fn(() => {
      const before = new PreventableEvent()
      app.emit('before-quit', before)
      if (before.defaultPrevented) return
      const will = new PreventableEvent()
      app.emit('will-quit', will)
      if (will.defaultPrevented) return
      app.exited = 0
      app.emit('quit', {}, 0)
    }),
    exit: vi.fn((code = 0) => void (app.exited = code))
  })
  return app
}

export const app = singleton('app', makeApp, (a) => {
  a.removeAllListeners()
  a.name = 'switchboard'
  a.isPackaged = false
  a.exited = null
  a.lockHeld = false
  a.lockAvailable = true
  a.appUserModelId = null
  a.badgeCount = 0
  a.paths.clear()
  a.switches.clear()
  a.lateSwitches.length = 0
  a.base = mkdtempSync(path.join(os.tmpdir(), 'switchboard-mock-app-'))
})

/** The app became ready (what Electron does once the entry has been evaluated). */
export async function makeReady(): Promise<void> {
  await app.whenReady()
}
