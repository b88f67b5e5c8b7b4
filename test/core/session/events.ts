import type { BridgeEvent, EventData, EventName } from '../../../src-preload/contract'

/** Collects a session's events and waits for one that matches, failing with what did arrive. */
export class EventRecorder {
  readonly events: BridgeEvent[] = []
  private waiters: Array<() => void> = []

  push = (event: BridgeEvent): void => {
    this.events.push(event)
    for (const wake of this.waiters.splice(0)) wake()
  }

  of<E extends EventName>(name: E): Array<EventData<E>> {
    return this.events.filter((e) => e.event === name).map((e) => e.data as EventData<E>)
  }

  async waitFor<E extends EventName>(name: E, match: (data: EventData<E>) => boolean = () => true, timeoutMs = 5000): Promise<EventData<E>> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const found = this.of(name).find(match)
      if (found) return found
      const left = deadline - Date.now()
      if (left <= 0) throw new Error(`no ${name} event matched; saw: ${this.events.map((e) => e.event).join(', ')}`)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left)
        this.waiters.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
  }
}
