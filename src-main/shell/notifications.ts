/**
 * The seam for desktop notifications (an inbound call, a turn waiting, an SMS). Not built yet:
 * main.ts wires a Notifier to the session's events so the real one drops in without touching
 * anything else. It will read the `notifications` settings and use Electron's Notification.
 */
import type { BridgeEvent } from '../../src-preload/contract'
import type { SessionLike } from '../core/session-types'

export interface Notifier {
  /** Sees every event; decides on its own whether it deserves a notification. */
  notify(event: BridgeEvent): void
}

/** The notifier used until notifications are built: it shows nothing. */
export const silentNotifier: Notifier = { notify() {} }

/** Feeds the session's events to a notifier; the returned function stops it. */
export function attachNotifier(session: Pick<SessionLike, 'onEvent'>, notifier: Notifier): () => void {
  return session.onEvent((event) => notifier.notify(event))
}
