import type { NavView } from '../store/types'

/**
 * Where the console is, as an address: a view, and inside the Monitor a call, inside Messages a
 * thread, inside History a call read afterwards. `#/monitor`, `#/monitor/call_123`,
 * `#/messages/conv_9`, `#/history/call_123`, `#/settings`…
 */
export type Route = { view: NavView; callId?: string; conversationId?: string; pastCallId?: string }

/** What of the store says where the person is (`pastCallId`: the call open in History). */
export type Place = { view: NavView; openCallId: string | null; openConversationId: string | null; pastCallId: string | null }

/** Threads known only to this window (no AgentPhone id yet) cannot be opened from an address. */
const LOCAL_PREFIX = 'local:'

/** The address of a place: the hash part, starting with `#/`. */
export function formatRoute(place: Place): string {
  if (place.view === 'monitor' && place.openCallId) return `#/monitor/${encodeURIComponent(place.openCallId)}`
  const conv = place.openConversationId
  if (place.view === 'messages' && conv && !conv.startsWith(LOCAL_PREFIX)) return `#/messages/${encodeURIComponent(conv)}`
  if (place.view === 'history' && place.pastCallId) return `#/history/${encodeURIComponent(place.pastCallId)}`
  return `#/${place.view}`
}

/**
 * The place an address names, or null when it names none (empty, a `#token=` fragment, a view
 * that does not exist). `views` is every view the registry knows, so a view added there has an
 * address without anything here changing.
 */
export function parseRoute(hash: string, views: readonly string[]): Route | null {
  const match = /^#\/([a-z][a-z0-9-]*)(?:\/([^/?#]+))?\/?$/.exec(hash)
  if (!match?.[1] || !views.includes(match[1])) return null
  const view = match[1] as NavView
  let id: string | undefined
  try {
    id = match[2] === undefined ? undefined : decodeURIComponent(match[2])
  } catch {
    return { view } // a mangled id: the view still opens
  }
  if (id && view === 'monitor') return { view, callId: id }
  if (id && view === 'messages') return { view, conversationId: id }
  if (id && view === 'history') return { view, pastCallId: id }
  return { view }
}

/** Whether the store already shows what the route asks for. */
export function routeShown(route: Route, place: Place): boolean {
  if (route.view !== place.view) return false
  if (route.view === 'monitor') return (route.callId ?? null) === place.openCallId
  if (route.view === 'messages') return (route.conversationId ?? null) === place.openConversationId
  if (route.view === 'history') return (route.pastCallId ?? null) === place.pastCallId
  return true
}
