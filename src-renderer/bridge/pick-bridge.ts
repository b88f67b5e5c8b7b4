import type { BridgeClient } from './bridge-client'
import { createIpcBridge, preloadBridge } from './ipc-bridge'
import { createWsBridge } from './ws-bridge'
import { bridgeUrl, takeBridgeToken } from './ws-token'
import { createOfflineBridge } from './offline-bridge'

/** IPC inside the Electron window; the WebSocket when the headless shell serves this page. */
export function pickBridge(): BridgeClient {
  const ipc = preloadBridge()
  if (ipc) return createIpcBridge(ipc)
  const token = takeBridgeToken()
  if (!token) return createOfflineBridge()
  return createWsBridge({ url: bridgeUrl(token) })
}
