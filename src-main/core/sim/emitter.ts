/** A small typed event emitter: `sim.on('heard', (e) => …)` gets `e` typed from the event name. */
import type { SimulatorEvents } from './types'

type Listener<K extends keyof SimulatorEvents> = (event: SimulatorEvents[K]) => void

export class SimEmitter {
  private readonly listeners: { [K in keyof SimulatorEvents]?: Set<Listener<K>> } = {}

  /** Subscribes; the returned function unsubscribes. */
  on<K extends keyof SimulatorEvents>(name: K, listener: Listener<K>): () => void {
    const set = (this.listeners[name] ??= new Set<Listener<K>>() as never) as Set<Listener<K>>
    set.add(listener)
    return () => void set.delete(listener)
  }

  off<K extends keyof SimulatorEvents>(name: K, listener: Listener<K>): void {
    ;(this.listeners[name] as Set<Listener<K>> | undefined)?.delete(listener)
  }

  /** A throwing listener must not break the call that emitted, so errors are reported, not raised. */
  emit<K extends keyof SimulatorEvents>(name: K, event: SimulatorEvents[K], onError?: (err: unknown) => void): void {
    const set = this.listeners[name] as Set<Listener<K>> | undefined
    for (const listener of [...(set ?? [])]) {
      try {
        listener(event)
      } catch (err) {
        onError?.(err)
      }
    }
  }
}
