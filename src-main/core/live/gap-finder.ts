import { randomUUID } from 'node:crypto'
import type { BridgeEvent, Gap, Message } from '../../../src-preload/contract'
import type { AgentPhoneClient } from '../agentphone/client'
import type { Clock, KeyValueStore, Logger, Timer } from '../ports'
import type { CallBoard } from './call-board'
import { LAST_DELIVERY_KEY } from './keys'

/** How often the API is asked what it sent while we may not have been listening. */
export const GAP_CHECK_INTERVAL_MS = 5 * 60_000
/** The last-delivery time is written at most this often: a busy receiver must not write a file per event. */
const PERSIST_EVERY_MS = 5000
const MAX_SEEN_MESSAGES = 5000
const MAX_GAPS = 50

/**
 * Finds what AgentPhone sent while Switchboard was not receiving — the app was closed, the tunnel
 * dropped, the laptop slept — by asking the API for calls and messages since the last delivery that
 * did arrive, and reporting the ones the receiver never saw as a gap.
 */
export class GapFinder {
  private readonly seenMessages = new Set<string>()
  private readonly found: Gap[] = []
  private lastPersist = 0
  private timer: Timer | null = null
  private running = false
  private inFlight: Promise<void> = Promise.resolve()
  /** Each start gets its own number: a check from before a stop/start cannot re-arm the old loop. */
  private generation = 0
  private checkedUntil: number

  constructor(
    private readonly deps: { api: AgentPhoneClient; board: CallBoard; store: KeyValueStore; clock: Clock; logger: Logger; emit: (e: BridgeEvent) => void }
  ) {
    const stored = deps.store.get<string>(LAST_DELIVERY_KEY)
    this.checkedUntil = stored ? Date.parse(stored) : deps.clock.now()
  }

  gaps(): Gap[] {
    return [...this.found]
  }

  /** Every accepted delivery proves the tunnel worked up to now. */
  noteDelivery(messageId?: string): void {
    const now = this.deps.clock.now()
    if (messageId) {
      this.seenMessages.add(messageId)
      if (this.seenMessages.size > MAX_SEEN_MESSAGES) this.seenMessages.delete(this.seenMessages.values().next().value!)
    }
    if (now - this.lastPersist >= PERSIST_EVERY_MS) {
      this.lastPersist = now
      this.deps.store.set(LAST_DELIVERY_KEY, new Date(now).toISOString())
    }
  }

  /**
   * Checks once now, then on an interval; each check covers the time since the previous one.
   * Starting again after `stop` (a new registration) is allowed; a check in flight when stopped
   * does not arm another.
   */
  start(): void {
    if (this.running) return
    this.running = true
    const run = ++this.generation
    const tick = (): void => {
      this.timer = null
      if (!this.running || run !== this.generation) return
      this.inFlight = this.check().then(() => {
        if (this.running && run === this.generation) this.timer = this.deps.clock.after(GAP_CHECK_INTERVAL_MS, tick)
      })
    }
    tick()
  }

  stop(): void {
    this.running = false
    this.timer?.cancel()
    this.timer = null
  }

  /** Resolves once the check in flight (if any) has finished and decided whether to arm the next. */
  settled(): Promise<void> {
    return this.inFlight
  }

  async check(): Promise<Gap | null> {
    const from = this.checkedUntil
    const to = this.deps.clock.now()
    try {
      const [calls, messages] = await Promise.all([this.missedCalls(from), this.missedMessages(from)])
      this.checkedUntil = to
      if (calls.length === 0 && messages.length === 0) return null
      const gap: Gap = { id: randomUUID(), from: new Date(from).toISOString(), to: new Date(to).toISOString(), calls, messages }
      this.found.push(gap)
      if (this.found.length > MAX_GAPS) this.found.shift()
      this.deps.emit({ event: 'app.gap', data: gap })
      return gap
    } catch (err) {
      this.deps.logger.warn('could not check for missed events', { error: err instanceof Error ? err.message : String(err) })
      return null
    }
  }

  private async missedCalls(since: number): Promise<Gap['calls']> {
    const page = await this.deps.api.calls.list({ limit: 100 })
    return page.data
      .filter((c) => c.startedAt && Date.parse(c.startedAt) > since && !this.deps.board.get(c.id))
      .map((c) => ({ id: c.id, from: c.fromNumber ?? '', to: c.toNumber ?? '', direction: c.direction ?? 'inbound', status: c.status ?? 'completed', startedAt: c.startedAt! }))
  }

  private async missedMessages(since: number): Promise<Message[]> {
    const page = await this.deps.api.conversations.list({ limit: 50 })
    const recent = page.data.filter((c) => c.lastMessageAt && Date.parse(c.lastMessageAt) > since)
    const missed: Message[] = []
    for (const conv of recent) {
      const detail = await this.deps.api.conversations.get(conv.id, { messageLimit: 50 })
      for (const m of detail.messages ?? []) {
        if (m.direction !== 'inbound' || !m.receivedAt || Date.parse(m.receivedAt) <= since || this.seenMessages.has(m.id)) continue
        missed.push({
          id: m.id,
          conversationId: conv.id,
          direction: 'inbound',
          from: m.fromNumber ?? '',
          to: m.toNumber ?? '',
          body: m.body ?? '',
          channel: m.channel ?? 'sms',
          at: m.receivedAt,
          agentId: conv.agentId ?? null
        })
      }
    }
    return missed
  }
}
