import type { BridgeApi, BridgeErrorPayload, BridgeResult } from '../../src-preload/contract'

/**
 * Where the link to the core stands. IPC is always `open`; the WebSocket moves between states.
 * `token-refused`: the server is up but no longer accepts this tab's token (restarted with
 * `--new-token` or on another data folder); retrying cannot help, a new address can.
 * `revoked`: an admin revoked (or replaced) this tab's personal link.
 * `offline`: the hub has been silent past the heartbeat limit (a sleeping laptop, a dead network);
 * the tab reconnects by itself.
 */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'offline' | 'no-token' | 'token-refused' | 'revoked'

/**
 * The one bridge interface the whole UI uses. It is the contract's BridgeApi; a transport that can
 * drop (the WebSocket) also reports its connection state so the UI can say so and resync.
 */
export interface BridgeClient extends BridgeApi {
  readonly transport: 'ipc' | 'ws' | 'test'
  connectionState?(): ConnectionState
  onConnectionChange?(listener: (state: ConnectionState) => void): () => void
  /**
   * A transport that delivers pushed events in bursts runs each burst inside `wrap`, so the store
   * can apply it as one update. Returns a function that removes the wrapper.
   */
  wrapEventBursts?(wrap: (deliver: () => void) => void): () => void
  close?(): void
}

/** A refused result built on this side of the bridge (transport trouble, not the core's answer). */
export function localError<T>(code: BridgeErrorPayload['code'], message: string): BridgeResult<T> {
  return { ok: false, error: { code, message } }
}
