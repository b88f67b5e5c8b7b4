export interface RuntimeTarget {
  platform: string
  arch: string
}
export type RuntimeCheck = { ok: true; zips: string[] } | { ok: false; reason: string }
export declare function cacheRoots(env?: Record<string, string | undefined>, platform?: string): string[]
export declare function electronMirror(env?: Record<string, string | undefined>): string
export declare function checkElectronRuntime(options: {
  version: string
  targets: RuntimeTarget[]
  env?: Record<string, string | undefined>
  fetchImpl?: typeof fetch
  timeoutMs?: number
}): Promise<RuntimeCheck>
