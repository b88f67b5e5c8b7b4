/**
 * Where the API key may be sent. Every AgentPhone request carries the key as a Bearer header to the
 * base URL, so whoever chooses the base URL chooses who receives the key. It must therefore be
 * `https://` (the key is never sent in clear over a network) or a loopback address (the simulator,
 * a local proxy on this machine); and only the hub's own machine may choose it (the shells' flags,
 * the environment, the desktop window), never a browser on a hub (see src-preload/command-roles.ts).
 */

export type BaseUrlVerdict = { ok: true; url: string } | { ok: false; message: string }

/** True for 127.0.0.0/8, ::1 and localhost: names that never leave this machine. */
export function isLoopbackHostname(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '')
  if (h === 'localhost' || h.endsWith('.localhost') || h === '::1') return true
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)
}

/** Checks a base URL against the rule; the answer's `url` has no trailing slash. */
export function checkBaseUrl(value: string): BaseUrlVerdict {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return { ok: false, message: `The API base URL "${value.slice(0, 200)}" is not a URL.` }
  }
  if (url.username || url.password) {
    return { ok: false, message: 'The API base URL must not carry a user name or password.' }
  }
  const loopback = isLoopbackHostname(url.hostname)
  if (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) {
    return { ok: true, url: value.replace(/\/+$/, '') }
  }
  return {
    ok: false,
    message:
      `The API base URL must be https:// or a loopback address (127.0.0.1, localhost), not ${url.protocol}//${url.host}: ` +
      'the API key travels to it with every request.'
  }
}
