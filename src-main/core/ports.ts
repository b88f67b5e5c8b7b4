/**
 * The outside things every core part takes from its caller, so tests can run the core on port 0
 * with a temp folder and a controllable clock, and so the core never imports Electron.
 */

export interface Timer {
  cancel(): void
}

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number
  /** Runs `fn` after `ms`; the returned timer cancels it. Timers never keep the process alive. */
  after(ms: number, fn: () => void): Timer
}

export const systemClock: Clock = {
  now: () => Date.now(),
  after(ms, fn) {
    const handle = setTimeout(fn, ms)
    handle.unref?.()
    return { cancel: () => clearTimeout(handle) }
  }
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} }

/** Non-secret settings: electron-store in the Electron shell, `conf` in the headless one, memory in tests. */
export interface KeyValueStore {
  get<T>(key: string): T | undefined
  set(key: string, value: unknown): void
}

export function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore {
  const data = new Map(Object.entries(initial))
  return {
    get: <T>(key: string) => data.get(key) as T | undefined,
    set: (key, value) => void data.set(key, value)
  }
}

/**
 * Secrets (API key, webhook secrets): Electron safeStorage in the Electron shell; the environment or
 * a 0600 file in the headless one. Secrets never leave the main process.
 */
export interface SecretStore {
  get(name: string): string | undefined
  set(name: string, value: string | undefined): void
}

export function memorySecrets(initial: Record<string, string> = {}): SecretStore {
  const data = new Map(Object.entries(initial))
  return {
    get: (name) => data.get(name),
    set: (name, value) => void (value === undefined ? data.delete(name) : data.set(name, value))
  }
}
