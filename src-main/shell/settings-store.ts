/**
 * Settings for the Electron shell: electron-store in the app's userData folder, seen by the core
 * only as a KeyValueStore. The headless shell keeps the same keys through `conf`.
 */
import Store from 'electron-store'
import type { KeyValueStore } from '../core/ports'

export interface SettingsStoreOptions {
  /** Folder for the file; defaults to app.getPath('userData') (electron-store's default). */
  cwd?: string
  /** File name without extension (default 'config', as in the headless shell). */
  name?: string
}

/** Creates the settings store. Keys are literal: a dot in a key is not a path. */
export function createSettingsStore(options: SettingsStoreOptions = {}): KeyValueStore {
  const store = new Store<Record<string, unknown>>({
    name: options.name ?? 'config',
    cwd: options.cwd,
    accessPropertiesByDotNotation: false
  })
  return {
    get: <T>(key: string) => store.get(key) as T | undefined,
    set(key, value) {
      // electron-store (like conf) refuses undefined; clearing is what undefined means here.
      if (value === undefined) store.delete(key)
      else store.set(key, value)
    }
  }
}
