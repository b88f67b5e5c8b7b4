import type { BridgeClient } from '../../bridge/bridge-client'
import type { AppStore } from '../../store/types'
import { startChime, webAudioChime, type ChimePlayer } from './chime'
import { startDocumentTitle } from './document-title'
import { startFaviconBadge } from './favicon-badge'

/** One player per page: the Settings test button and the alerts share its decoded sound. */
let sharedPlayer: ChimePlayer | null | undefined
export function chimePlayer(): ChimePlayer | null {
  if (sharedPlayer === undefined) sharedPlayer = webAudioChime()
  return sharedPlayer
}

/**
 * Everything that draws attention to a waiting caller outside the page's own alert: the title,
 * the favicon badge and the chime (desktop notifications start with the supervision wiring), plus
 * the shared mute. Called once from startStore; returns a stop function.
 */
export function startAttention(store: AppStore, bridge: BridgeClient): () => void {
  const offs = [
    bridge.on('alerts.muted', ({ mutedUntil }) => store.getState().setAlertsMutedUntil(mutedUntil)),
    startDocumentTitle(store),
    startFaviconBadge(store),
    startChime(store, bridge, chimePlayer())
  ]
  return () => {
    for (const off of offs) off()
  }
}
