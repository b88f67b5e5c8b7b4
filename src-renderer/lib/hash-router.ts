import type { AppState, AppStore } from '../store/types'
import { formatRoute, parseRoute, routeShown, type Place, type Route } from './routes'

const placeOf = (s: AppState): Place => ({ view: s.view, openCallId: s.openCallId, openConversationId: s.openConversationId, pastCallId: s.afterCall?.callId ?? null })

/** Takes the store to a route through its own actions, so their guards (unsaved edits) apply. */
function apply(store: AppStore, route: Route): void {
  const s = store.getState()
  if (routeShown(route, placeOf(s))) return
  if (route.view === 'monitor' && route.callId) void s.openCall(route.callId)
  else if (route.view === 'messages' && route.conversationId) void s.openConversation(route.conversationId)
  else if (route.view === 'history' && route.pastCallId) s.openAfterCall(route.pastCallId)
  else if (route.view === 'history' && s.view === 'history') s.closeAfterCall()
  else {
    s.setView(route.view)
    // `#/messages` (Back from a thread) is the list with no thread open.
    if (route.view === 'messages' && store.getState().view === 'messages') store.setState({ openConversationId: null })
  }
}

/**
 * Keeps the address bar and the store in step, both ways, in both shells (the Electron window's
 * `switchboard://app/index.html#/…` and the browser's `http://host:port/#/…`):
 *
 * - the store moves (a nav click, `g m`, the alert's Answer, a notification) → a new history entry;
 * - the address moves (Back, Forward, a pasted link, a refresh) → the store follows, through the
 *   same actions a click uses; if one is held back (unsaved edits), the address goes back to
 *   where the store still is.
 *
 * The store stays the one source of truth, which is why this is a small module rather than a
 * router library: every existing way of moving already goes through the store. It starts after
 * the bridge took its `#token=` fragment (ws-token.ts), so the two never meet. `views` are the
 * registry's, so a view registered there has an address with no change here.
 */
export function startHashRouter(store: AppStore, views: readonly string[], win: Window = window): () => void {
  const write = (replace: boolean): void => {
    const hash = formatRoute(placeOf(store.getState()))
    if (hash === win.location.hash) return
    const url = `${win.location.pathname}${win.location.search}${hash}`
    if (replace) win.history.replaceState(win.history.state, '', url)
    else win.history.pushState(null, '', url)
  }
  const follow = (): void => {
    const route = parseRoute(win.location.hash, views)
    if (route) apply(store, route)
    // Whatever the store shows now is the address: a held move or an unknown address is undone.
    write(true)
  }

  const initial = parseRoute(win.location.hash, views)
  if (initial) apply(store, initial)
  write(true)

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.view === prev.view && s.openCallId === prev.openCallId && s.openConversationId === prev.openConversationId && s.afterCall?.callId === prev.afterCall?.callId) return
    // A thread this window started got its AgentPhone id: the same place, a better address.
    const named = s.view === prev.view && prev.openConversationId?.startsWith('local:') === true
    write(named)
  })
  win.addEventListener('popstate', follow)
  win.addEventListener('hashchange', follow)
  return () => {
    unsubscribe()
    win.removeEventListener('popstate', follow)
    win.removeEventListener('hashchange', follow)
  }
}
