import type { BridgeApi } from '../../src-preload/contract'
import type { BridgeClient } from './bridge-client'
import { localError } from './bridge-client'
import { checkTokenWith, createWsBridge, frameScheduler } from './ws-bridge'
import { bridgeUrl, takeBridgeToken } from './ws-token'

/**
 * The preload's object, if this page runs inside the Electron window. Read through a cast rather
 * than relying on the Window augmentation so this file keeps compiling whatever shape the
 * preload's declaration (src-preload/bridge-types.ts) settles on.
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

/**
 * The page was opened without a bridge token (a bookmark, a copied link): there is nothing to
 * connect to, so every command is refused with a message saying how to get a working link.
 */
export function createOfflineBridge(message = 'No bridge token: open the UI link that `switchboard serve` printed.'): BridgeClient {
  return {
    transport: 'ws',
    invoke: async () => localError('not_available', message),
    on: () => () => undefined,
    connectionState: () => 'no-token',
    onConnectionChange: () => () => undefined
  }
}

/** IPC inside the Electron window; the WebSocket when the headless shell serves this page. */
export function pickBridge(): BridgeClient {
  const ipc = preloadBridge()
  if (ipc) return createIpcBridge(ipc)
  // The Electron window's own scheme without the preload's bridge: the preload failed, and no
  // WebSocket link would help.
  if (globalThis.location?.protocol === 'switchboard:') {
    return createOfflineBridge("The window's bridge to Switchboard did not load. Quit and start Switchboard again; the log file says what failed.")
  }
  const token = takeBridgeToken()
  if (!token) return createOfflineBridge()
  return createWsBridge({ url: bridgeUrl(token), scheduleEvents: frameScheduler, checkToken: () => checkTokenWith(token) })
}
