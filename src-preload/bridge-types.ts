/**
 * `window.switchboard`, as the preload exposes it in the Electron shell. Absent in a plain browser,
 * where the renderer talks to the headless shell's WebSocket bridge instead.
 */
import type { BridgeApi } from './contract'

declare global {
  interface Window {
    switchboard?: BridgeApi
  }
}

export {}
