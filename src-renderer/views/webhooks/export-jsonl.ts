import type { Delivery } from '../../../src-preload/contract'

/** deliveries-2026-01-01T10-02-03Z.jsonl: sortable, and safe on every file system (no colons). */
export function exportFileName(now: Date): string {
  return `deliveries-${now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}.jsonl`
}

/** One delivery per line, as stored (headers and body already redacted by the core). */
export function toJsonLines(items: readonly Delivery[]): string {
  return items.map((d) => JSON.stringify(d)).join('\n') + (items.length ? '\n' : '')
}

/** Hands the browser a file to save; works the same in Electron and in the headless shell's page. */
export function downloadJsonLines(items: readonly Delivery[], now = new Date()): string {
  const name = exportFileName(now)
  const url = URL.createObjectURL(new Blob([toJsonLines(items)], { type: 'application/x-ndjson' }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  // Revoke on the next tick: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 0)
  return name
}
