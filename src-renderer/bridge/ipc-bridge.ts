import type { BridgeApi } from '../../src-preload/contract'
import type { BridgeClient } from './bridge-client'

/**
 * The preload's object, if this page runs inside the Electron window. Read through a cast rather
 * than a global Window augmentation so this file never conflicts with the preload's own
 * declaration (src-preload/bridge-types.ts), whichever shape it settles on.
 */
export function preloadBridge(): BridgeApi | undefined {
  const candidate = (globalThis as { switchboard?: BridgeApi }).switchboard
  return candidate && typeof candidate.invoke === 'function' && typeof candidate.on === 'function'
    ? candidate
    : undefined
}

/** IPC needs no reconnect logic: the preload lives as long as the window. */
export function createIpcBridge(api: BridgeApi): BridgeClient {
  return {
    transport: 'ipc',
    invoke: (method, params) => api.invoke(method, params),
    on: (event, handler) => api.on(event, handler),
    connectionState: () => 'open',
    onConnectionChange: () => () => undefined
  }
}
