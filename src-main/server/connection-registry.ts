/**
 * Which tabs are open on whose link, so a revoked link's tabs are closed at once and a person's
 * claims lapse when their last tab closes (turn-claims.ts).
 */

/** What the registry needs of one bridge connection. */
export interface ConnectionHandle {
  close(code: number, reason: string): void
}

export class ConnectionRegistry {
  private readonly byPerson = new Map<string, Set<ConnectionHandle>>()

  constructor(private readonly onLastClosed: (personId: string) => void = () => {}) {}

  /** Adds a connection; the returned function removes it (call it once, when the socket closes). */
  add(personId: string, handle: ConnectionHandle): () => void {
    const set = this.byPerson.get(personId) ?? new Set()
    this.byPerson.set(personId, set)
    set.add(handle)
    let removed = false
    return () => {
      if (removed) return
      removed = true
      set.delete(handle)
      if (set.size > 0) return
      this.byPerson.delete(personId)
      this.onLastClosed(personId)
    }
  }

  count(personId: string): number {
    return this.byPerson.get(personId)?.size ?? 0
  }

  /** Closes every tab on the person's link; answers how many there were. */
  closePerson(personId: string, code: number, reason: string): number {
    const handles = [...(this.byPerson.get(personId) ?? [])]
    for (const handle of handles) handle.close(code, reason)
    return handles.length
  }
}
