const STORAGE_KEY = 'switchboard.bridgeToken'

/**
 * The headless shell opens the UI as `…/#token=T`. The token is kept in sessionStorage so a reload
 * still works, and taken out of the visible URL so it is not copied into a screenshot or a chat.
 */
export function takeBridgeToken(loc: Location = location, storage: Storage = sessionStorage): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(loc.hash)
  if (match?.[1]) {
    const token = decodeURIComponent(match[1])
    try {
      storage.setItem(STORAGE_KEY, token)
    } catch {
      // Storage can be disabled; the token still works for this page load.
    }
    history.replaceState(history.state, '', loc.pathname + loc.search)
    return token
  }
  try {
    return storage.getItem(STORAGE_KEY)
  } catch {
    return null
  }
}

/** The bridge lives on the page's own host, so the CSP's connect-src 'self' covers it. */
export function bridgeUrl(token: string, loc: Location = location): string {
  const scheme = loc.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${loc.host}/bridge?token=${encodeURIComponent(token)}`
}
