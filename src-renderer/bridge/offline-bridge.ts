import type { BridgeClient } from './bridge-client'
import { localError } from './bridge-client'

/**
 * The page was opened without a bridge token (a bookmarked URL, a copied link): there is nothing
 * to connect to. Every command is refused with a message saying how to get a working link.
 */
export function createOfflineBridge(): BridgeClient {
  return {
    transport: 'ws',
    invoke: async () =>
      localError('not_available', 'No bridge token: open the UI link that `switchboard serve` printed.'),
    on: () => () => undefined,
    connectionState: () => 'no-token',
    onConnectionChange: () => () => undefined
  }
}
