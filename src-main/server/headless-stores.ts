/**
 * The headless shell's storage adapters: settings through `conf` (the same schema the Electron
 * shell keeps in electron-store) and secrets from the environment or a 0600 file.
 */
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Conf from 'conf'
import type { KeyValueStore, SecretStore } from '../core/ports'

/** Settings in `<dataDir>/config.json`. Keys are literal: a dot in a key is not a path. */
export function confSettingsStore(dataDir: string): KeyValueStore {
  const conf = new Conf<Record<string, unknown>>({
    projectName: 'switchboard',
    cwd: dataDir,
    accessPropertiesByDotNotation: false,
    // Owner-only whatever the umask (conf's default is 0666 less the umask).
    configFileMode: 0o600
  })
  return {
    get: <T>(key: string) => conf.get(key) as T | undefined,
    set(key, value) {
      // conf refuses undefined values; clearing a key is what undefined means here.
      if (value === undefined) conf.delete(key)
      else conf.set(key, value)
    }
  }
}

export const SECRETS_FILE = 'secrets.json'

/**
 * Secrets (a saved API key, webhook secrets) in `<dataDir>/secrets.json`, readable by its owner
 * only. A key in `AGENTPHONE_API_KEY` wins over the file: that rule is the core's (start-rules.ts).
 */
export function fileSecretStore(dataDir: string): SecretStore {
  const file = join(dataDir, SECRETS_FILE)

  const read = (): Record<string, string> => {
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch {
      return {}
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      // Refuse rather than treat it as empty: the next write would erase the secrets in it.
      throw new Error(`${file} is not valid JSON; fix or remove it`)
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {}
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'))
  }

  const write = (data: Record<string, string>): void => {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 })
    // Write a private temp file and rename it over the old one: never a torn or world-readable file.
    const tmp = `${file}.${process.pid}.tmp`
    writeFileSync(tmp, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 })
    chmodSync(tmp, 0o600)
    renameSync(tmp, file)
  }

  return {
    get(name) {
      return read()[name]
    },
    set(name, value) {
      const data = read()
      if (value === undefined) delete data[name]
      else data[name] = value
      write(data)
    }
  }
}
