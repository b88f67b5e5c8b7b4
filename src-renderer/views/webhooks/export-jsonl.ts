import type { Delivery } from '../../../src-preload/contract'
import { downloadFile } from '../../lib/download-file'

/** deliveries-2026-01-01T10-02-03Z.jsonl: sortable, and safe on every file system (no colons). */
export function exportFileName(now: Date): string {
  return `deliveries-${now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}.jsonl`
}

/** One delivery per line, as stored (headers and body already redacted by the core). */
export function toJsonLines(items: readonly Delivery[]): string {
  return items.map((d) => JSON.stringify(d)).join('\n') + (items.length ? '\n' : '')
}

/** Saves the deliveries as a JSON-lines file; answers the file's name. */
export function downloadJsonLines(items: readonly Delivery[], now = new Date()): string {
  const name = exportFileName(now)
  downloadFile(name, toJsonLines(items), 'application/x-ndjson')
  return name
}
