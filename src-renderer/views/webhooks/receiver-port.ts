/** The receiver's port, from its URL (http://127.0.0.1:4100/webhook → "4100"); the tunnel must forward there. */
export function portOf(url: string | undefined | null): string {
  if (!url) return '?'
  try {
    const u = new URL(url)
    return u.port || (u.protocol === 'https:' ? '443' : '80')
  } catch {
    return '?'
  }
}
