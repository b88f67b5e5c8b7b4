import type { BridgeEvent, CommandParams, CopilotStatus, CopilotTestResult, EventData } from '../../../src-preload/contract'
import { autopilotAnswers } from '../../../src-preload/contract'
import type { Clock, KeyValueStore, Logger, SecretStore } from '../ports'
import type { TurnBroker } from '../turns/turn-broker'
import type { ConnectChat } from './chat-client'
import type { CopilotFacts } from './copilot-facts'
import { COPILOT_KEY_SECRET, readCopilotSettings, resolveEndpoint, writeCopilotSettings, type CopilotEndpoint, type CopilotSettings, type SimulatedEndpoint } from './copilot-settings'
import { SmsDrafter } from './sms-drafter'
import { testEndpoint } from './test-endpoint'
import { runVoiceJob, type VoiceJob } from './voice-job'

/** The copilot's request stops this long before the turn's deadline, so the fallback is never late. */
export const ABORT_MARGIN_MS = 500
/** Drafts in flight at once; past this, turns are left to people (a flood must not become a bill). */
const MAX_PARALLEL = 20
/** Calls remembered as taken over; entries leave when the call ends, this only bounds a leak. */
const MAX_TAKEN_OVER = 1000

export interface CopilotDeps {
  clock: Clock
  logger: Logger
  store: KeyValueStore
  secrets: SecretStore
  /** Makes the SDK client for an endpoint (the official `openai` SDK in the app, the same in tests). */
  connect: ConnectChat
  /** The simulator's model endpoint in sandbox mode; null in live mode. */
  simulated: SimulatedEndpoint | null
  facts: CopilotFacts
  /** The same door a person's reply goes through. */
  turns: Pick<TurnBroker, 'reply' | 'peek'>
  emit(event: BridgeEvent): void
}

/**
 * Drafts the answer to every voice turn (and SMS) as it opens, streamed to the renderer; in
 * autopilot it sends the answer itself through the turn broker, unless a person took over, claimed
 * the turn, or paused autopilot. Whatever the model does, the broker's deadline and fallback stand.
 */
export class Copilot {
  private settings: CopilotSettings
  private key: string | undefined
  private readonly jobs = new Map<string, VoiceJob>()
  private readonly takenOver = new Set<string>()
  private readonly sms: SmsDrafter
  private stopped = false
  private warnedBusy = false

  constructor(private readonly deps: CopilotDeps) {
    // Read once and kept: a turn must not wait on a settings file or a keychain.
    this.settings = readCopilotSettings(deps.store)
    this.key = deps.secrets.get(COPILOT_KEY_SECRET)
    this.sms = new SmsDrafter(deps)
  }

  status(): CopilotStatus {
    const s = this.settings
    const resolved = resolveEndpoint(s, this.key, this.deps.simulated)
    return {
      mode: s.mode,
      baseUrl: s.baseUrl,
      model: s.model,
      hasKey: Boolean(this.key),
      simulated: resolved.endpoint?.simulated ?? false,
      modelLabel: resolved.endpoint?.label ?? (s.model || 'no model'),
      notice: resolved.notice,
      autopilotAgentIds: s.autopilotAgentIds,
      paused: s.paused,
      takenOver: [...this.takenOver]
    }
  }

  configure(p: CommandParams<'copilot.configure'>): CopilotStatus {
    if (p.apiKey !== undefined) {
      this.deps.secrets.set(COPILOT_KEY_SECRET, p.apiKey ?? undefined)
      this.key = this.deps.secrets.get(COPILOT_KEY_SECRET)
    }
    const { apiKey: _key, ...patch } = p
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<CopilotSettings>
    this.settings = writeCopilotSettings(this.deps.store, defined)
    if (this.settings.mode === 'off') this.quietAll()
    else if (this.settings.mode !== 'autopilot') this.suggestAll(() => true)
    return this.announce()
  }

  pause(paused: boolean): CopilotStatus {
    this.settings = writeCopilotSettings(this.deps.store, { paused })
    if (paused) this.suggestAll(() => true)
    return this.announce()
  }

  /** Autopilot stops for this call now: a draft in flight becomes a suggestion, the turn is the person's. */
  takeOver(callId: string): CopilotStatus {
    if (this.takenOver.size >= MAX_TAKEN_OVER) this.takenOver.delete(this.takenOver.values().next().value as string)
    this.takenOver.add(callId)
    this.suggestAll((job) => job.callId === callId)
    return this.announce()
  }

  /** Autopilot answers this call again from its next turn (the one waiting stays with the person). */
  handBack(callId: string): CopilotStatus {
    this.takenOver.delete(callId)
    return this.announce()
  }

  dismiss(p: { turnId?: string | undefined; messageId?: string | undefined }): void {
    if (p.turnId) this.quiet(p.turnId)
    if (p.messageId) this.sms.quiet(p.messageId)
  }

  test(p: CommandParams<'copilot.test'>): Promise<CopilotTestResult> {
    const s = { baseUrl: p.baseUrl ?? this.settings.baseUrl, model: p.model ?? this.settings.model }
    const resolved = resolveEndpoint(s, p.apiKey ?? this.key, this.deps.simulated)
    if (!resolved.endpoint) return Promise.resolve({ ok: false, detail: resolved.notice, modelLabel: s.model, ms: 0 })
    return testEndpoint(this.deps, resolved.endpoint)
  }

  /** Every session event passes here (subscribed by the session). */
  observe = (event: BridgeEvent): void => {
    if (this.stopped) return
    switch (event.event) {
      case 'turn.opened':
        this.open(event.data)
        return
      case 'turn.closed':
        this.quiet(event.data.turnId)
        return
      case 'turn.claimed':
        // The copilot never claims: any claim is a person starting to answer. Autopilot leaves it to them.
        this.suggestAll((job) => job.turnId === event.data.turnId)
        return
      case 'call.ended':
        for (const job of this.jobs.values()) if (job.callId === event.data.id) this.quiet(job.turnId)
        if (this.takenOver.delete(event.data.id)) this.announce()
        return
      case 'message.received': {
        const endpoint = this.endpoint()
        if (endpoint) this.sms.draft(event.data, endpoint)
        return
      }
    }
  }

  stop(): void {
    this.stopped = true
    this.quietAll()
    this.sms.stop()
  }

  private endpoint(): CopilotEndpoint | null {
    if (this.settings.mode === 'off') return null
    return resolveEndpoint(this.settings, this.key, this.deps.simulated).endpoint
  }

  private open(turn: EventData<'turn.opened'>): void {
    const endpoint = this.endpoint()
    const call = this.deps.facts.call(turn.callId)
    if (!endpoint || call?.answeredBy === 'fallback') return
    const abortIn = Date.parse(turn.deadline) - ABORT_MARGIN_MS - this.deps.clock.now()
    if (abortIn <= 0) return
    if (this.jobs.size >= MAX_PARALLEL) {
      if (!this.warnedBusy) this.deps.logger.warn('copilot: too many drafts at once; new turns are left to people', { max: MAX_PARALLEL })
      this.warnedBusy = true
      return
    }
    this.warnedBusy = false
    const autopilot = autopilotAnswers(this.status(), { id: turn.callId, agentId: call?.agentId ?? null })
    const job = runVoiceJob(this.deps, {
      turn,
      endpoint,
      autopilot,
      abortInMs: abortIn,
      mayAnswer: () => this.mayAnswer(turn.turnId, turn.callId, call?.agentId ?? null),
      onEnd: () => {
        if (this.jobs.get(turn.turnId) === job) this.jobs.delete(turn.turnId)
      }
    })
    this.jobs.set(turn.turnId, job)
  }

  /** Checked again at the moment of answering: a pause, a take-over or a claim since the start wins. */
  private mayAnswer(turnId: string, callId: string, agentId: string | null): boolean {
    const open = this.deps.turns.peek(turnId)
    return open !== null && open.claimedBy === null && autopilotAnswers(this.status(), { id: callId, agentId })
  }

  private suggestAll(which: (job: VoiceJob) => boolean): void {
    for (const job of this.jobs.values()) if (which(job)) job.toSuggestion()
  }

  private quiet(turnId: string): void {
    this.jobs.get(turnId)?.stop()
    this.jobs.delete(turnId)
  }

  private quietAll(): void {
    for (const turnId of [...this.jobs.keys()]) this.quiet(turnId)
  }

  private announce(): CopilotStatus {
    const status = this.status()
    this.deps.emit({ event: 'copilot.status', data: status })
    return status
  }
}
