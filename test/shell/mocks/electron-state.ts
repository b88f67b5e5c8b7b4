/**
 * Shared state of the `electron` mock. It lives on globalThis: vi.resetModules re-runs the mock's
 * files, and every evaluation must hand out the objects the code under test already received.
 */
export const ELECTRON_OBJECT = Symbol.for('switchboard.mock.electronObject')

export interface MockGlobals {
  ready: boolean
  tokens: number
  /** Every object registered here is reset by resetElectronMock(). */
  resets: Array<() => void>
  store: Map<string, unknown>
}

export function globals(): MockGlobals {
  const holder = globalThis as { __switchboardElectronMock?: MockGlobals }
  return (holder.__switchboardElectronMock ??= { ready: false, tokens: 0, resets: [], store: new Map() })
}

/** One instance per name for the whole test run, rebuilt never: `make` runs once. */
export function singleton<T>(name: string, make: () => T, reset?: (value: T) => void): T {
  const g = globals()
  if (!g.store.has(name)) {
    const value = make()
    g.store.set(name, value)
    if (reset) g.resets.push(() => reset(value))
  }
  return g.store.get(name) as T
}

/** Electron refuses some calls before `ready`; the mock does too, with Electron's words. */
export function requireReady(what: string): void {
  if (!globals().ready) throw new Error(`${what} can only be used after the app is ready`)
}

/**
 * What IPC does to a value: the structured clone algorithm. Functions, Promises and Symbols throw
 * (Node's structuredClone already does); Electron objects throw too, as in Electron.
 */
export function ipcClone<T>(value: T): T {
  const seen = new Set<unknown>()
  const visit = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return
    seen.add(v)
    if ((v as Record<symbol, unknown>)[ELECTRON_OBJECT]) throw new Error('An object could not be cloned.')
    for (const child of Object.values(v)) visit(child)
  }
  visit(value)
  return structuredClone(value)
}

/**
 * What crossing contextBridge does to a value: objects are copied (prototype and Symbol keys
 * dropped), functions become proxies that copy their arguments and results, Promises settle to
 * copies. `freeze` is for the exposed API itself.
 */
export function copyAcrossWorlds(value: unknown, freeze = false): unknown {
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown
    const proxy = (...args: unknown[]): unknown => copyAcrossWorlds(fn(...args.map((a) => copyAcrossWorlds(a))))
    return freeze ? Object.freeze(proxy) : proxy
  }
  if (value === null || typeof value !== 'object') return typeof value === 'symbol' ? undefined : value
  if (value instanceof Promise) return value.then((v) => copyAcrossWorlds(v))
  if (value instanceof Error) return new Error(value.message)
  if (Array.isArray(value)) {
    const copy = value.map((v) => copyAcrossWorlds(v))
    return freeze ? Object.freeze(copy) : copy
  }
  const copy: Record<string, unknown> = {}
  for (const key of Object.keys(value)) copy[key] = copyAcrossWorlds((value as Record<string, unknown>)[key], freeze)
  return freeze ? Object.freeze(copy) : copy
}
