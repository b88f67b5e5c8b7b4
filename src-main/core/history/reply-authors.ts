/**
 * Who is sending the reply being written right now, per call. `turns.reply` sets it around the
 * broker's write (which emits the line synchronously), so the line reaches the board, the journal
 * and every window with the person's name on it, without the broker knowing about names.
 */
export class ReplyAuthors {
  private readonly current = new Map<string, string>()

  /** Runs `write` with `by` as the author of any line `callId` gets meanwhile. */
  during<T>(callId: string | undefined, by: string | null | undefined, write: () => T): T {
    const name = by?.trim()
    if (!callId || !name) return write()
    this.current.set(callId, name)
    try {
      return write()
    } finally {
      this.current.delete(callId)
    }
  }

  of(callId: string): string | undefined {
    return this.current.get(callId)
  }
}
