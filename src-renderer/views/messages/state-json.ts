/** What the conversation-state editor's text means: metadata to save, or why it cannot be saved. */
export type StateParse = { ok: true; value: Record<string, unknown> | null } | { ok: false; message: string }

/** Empty text clears the state (null); otherwise it must be a JSON object (or null). */
export function parseStateJson(text: string): StateParse {
  if (text.trim() === '') return { ok: true, value: null }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    return { ok: false, message: `Not readable yet — check the quotes, colons and braces (${err instanceof Error ? err.message : String(err)})` }
  }
  if (value === null) return { ok: true, value: null }
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, message: 'Write the details between braces, like {"step": "booking"} — or leave it empty to clear them.' }
  }
  return { ok: true, value: value as Record<string, unknown> }
}

export function stateToText(metadata: Record<string, unknown> | null | undefined): string {
  return metadata ? JSON.stringify(metadata, null, 2) : ''
}
