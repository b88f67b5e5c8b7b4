/**
 * Settings for the Electron shell: electron-store in the app's userData folder, seen by the core
 * only as a KeyValueStore. The headless shell keeps the same keys through `conf`.
 */
import { existsSync, renameSync } from 'node:fs'
import path from 'node:path'
import Store from 'electron-store'
import type { KeyValueStore, Logger } from '../core/ports'
import { silentLogger } from '../core/ports'

export interface SettingsStoreOptions {
  /** Folder for the file; defaults to app.getPath('userData') (electron-store's default). */
  cwd?: string
  /** File name without extension (default 'config', as in the headless shell). */
  name?: string
  logger?: Logger
  now?: () => number
}

function open(options: SettingsStoreOptions): Store<Record<string, unknown>> {
  return new Store<Record<string, unknown>>({ name: options.name ?? 'config', cwd: options.cwd, accessPropertiesByDotNotation: false })
}

/**
 * Creates the settings store. Keys are literal: a dot in a key is not a path. A file that is not
 * valid JSON (a crash mid-write elsewhere, a hand edit) would stop the app from starting: it is
 * moved aside, kept for the person, and the app starts with defaults.
 */
export function createSettingsStore(options: SettingsStoreOptions = {}): KeyValueStore {
  let store: Store<Record<string, unknown>>
  try {
    store = open(options)
  } catch (error) {
    if (!(error instanceof SyntaxError) || !options.cwd) throw error
    const file = path.join(options.cwd, `${options.name ?? 'config'}.json`)
    const aside = `${file}.corrupt-${options.now?.() ?? Date.now()}`
    if (existsSync(file)) renameSync(file, aside)
    ;(options.logger ?? silentLogger).error('a settings file was not valid JSON; it was kept aside and defaults are used', { file, keptAs: aside })
    store = open(options)
  }
  return {
    get: <T>(key: string) => store.get(key) as T | undefined,
    set(key, value) {
      // electron-store (like conf) refuses undefined; clearing is what undefined means here.
      if (value === undefined) store.delete(key)
      else store.set(key, value)
    }
  }
}
