/**
 * Call lifecycle: inbound calls from the sandbox phone, outbound calls ringing it, caller turns
 * (run one at a time per call by VoiceTurns), spoken lines, and the end of a call with its
 * `agent.call_ended` delivery. Transcript watchers (the SSE stream) hang off here.
 */
import type { Account } from './account'
import type { SimContext } from './context'
import { HttpError } from './http-errors'
import { isoNow, newId } from './ids'
import { callEndedEnvelope } from './payloads'
import { callSummaryOut } from './serialize'
import { SANDBOX_RING_MS, SimulatedCallee } from './callee'
import { isOver } from './call-state'
import type { AgentRec, CallEvent, CallRec, CallStatus, NumberRec, TurnRec } from './types'
import type { VoiceLine } from './voice-reader'
import { VoiceTurns } from './voice-turns'

export interface TranscriptWatcher {
  turn(turn: TurnRec): void
  ended(call: CallRec): void
}

export interface OutboundCall {
  agent: AgentRec
  number: NumberRec
  toNumber: string
  initialGreeting?: string | null
  systemPrompt?: string | null
  disableRecording?: boolean
}

/** How a call ended (agentphone-api.md §9.4 statuses); `busy` and `no-answer` never connected. */
export type EndStatus = Extract<CallStatus, 'completed' | 'failed' | 'busy' | 'no-answer'>

export class CallEngine {
  private readonly watchers = new Map<string, Set<TranscriptWatcher>>()
  private readonly chains = new Map<string, Promise<void>>()
  /** The turn a call is waiting on, so a hang-up can drop the webhook request mid-answer. */
  readonly turnAborts = new Map<string, AbortController>()
  /** Long-polls (`?wait=true`, `waitForCompletion`) waiting for a call to end. */
  private readonly endWaiters = new Map<string, Set<() => void>>()
  private readonly voice: VoiceTurns
  private readonly callee: SimulatedCallee

  constructor(private readonly ctx: SimContext) {
    this.voice = new VoiceTurns(ctx, this)
    this.callee = new SimulatedCallee(ctx, this)
  }

  create(account: Account, fields: Omit<CallRec, 'id' | 'startedAt' | 'endedAt' | 'disconnectionReason' | 'turns'>): CallRec {
    const call: CallRec = { id: newId('call_'), startedAt: isoNow(this.ctx.clock), endedAt: null, disconnectionReason: null, turns: [], ...fields }
    account.calls.set(call.id, call)
    this.ctx.changed()
    this.emitCall('started', call)
    return call
  }

  emitCall(kind: CallEvent['kind'], call: CallRec): void {
    this.ctx.emitter.emit('call', { kind, callId: call.id, status: call.status, call: callSummaryOut(call) }, this.report)
  }

  private readonly report = (err: unknown): void => this.ctx.logger.error('simulator listener failed', { error: String(err) })

  /** The sandbox phone calls one of the account's numbers; the agent's beginMessage is heard at once. */
  startInbound(account: Account, number: NumberRec, from: string): CallRec {
    const agent = number.agentId ? account.agents.get(number.agentId) : undefined
    if (!agent) throw new HttpError(409, `Number ${number.phoneNumber} has no agent attached`)
    const call = this.create(account, {
      agentId: agent.id,
      phoneNumberId: number.id,
      phoneNumber: number.phoneNumber,
      fromNumber: from,
      toNumber: number.phoneNumber,
      direction: 'inbound',
      status: 'in-progress',
      answeredAt: isoNow(this.ctx.clock),
      hosted: agent.voiceMode === 'hosted',
      systemPrompt: agent.systemPrompt,
      greeting: agent.beginMessage
    })
    if (call.greeting) this.speak(call, { text: call.greeting, interim: false, hangup: false })
    return call
  }

  /**
   * `POST /v1/calls`: a call to the sandbox phone rings it until answered or declined; any other
   * number reaches the simulated callee, whose answer depends on the number (callee.ts).
   */
  placeOutbound(account: Account, o: OutboundCall, ringsSandboxPhone: boolean): CallRec {
    const hosted = Boolean(o.systemPrompt) || o.agent.voiceMode === 'hosted'
    const call = this.create(account, {
      agentId: o.agent.id,
      phoneNumberId: o.number.id,
      phoneNumber: o.number.phoneNumber,
      fromNumber: o.number.phoneNumber,
      toNumber: o.toNumber,
      direction: 'outbound',
      status: 'ringing',
      answeredAt: null,
      hosted,
      systemPrompt: o.systemPrompt || o.agent.systemPrompt,
      greeting: o.initialGreeting !== undefined && o.initialGreeting !== null ? o.initialGreeting : o.agent.beginMessage,
      recording: !o.disableRecording
    })
    if (!ringsSandboxPhone) {
      this.callee.dial(account, call)
      return call
    }
    this.callee.giveUpAfter(account, call, SANDBOX_RING_MS, 'dial_no_answer', 'no-answer')
    this.ctx.emitter.emit('ring', { callId: call.id, from: call.fromNumber, to: call.toNumber }, this.report)
    return call
  }

  /** The callee picks up; the greeting is spoken unless a machine answered (`silent`). */
  answer(call: CallRec, o: { silent?: boolean } = {}): void {
    if (call.status !== 'ringing') throw new HttpError(409, 'Call is not ringing')
    call.status = 'in-progress'
    call.answeredAt = isoNow(this.ctx.clock)
    this.ctx.changed()
    this.emitCall('updated', call)
    if (call.greeting && !o.silent) this.speak(call, { text: call.greeting, interim: false, hangup: false })
  }

  decline(account: Account, call: CallRec): void {
    if (call.status !== 'ringing') throw new HttpError(409, 'Call is not ringing')
    this.end(account, call, 'user_declined', 'failed')
  }

  private requireLive(call: CallRec): void {
    if (call.status !== 'in-progress') throw new HttpError(409, `Call is ${call.status}, not in progress`)
  }

  /** Runs `work` after the call's previous turn, so turns never overlap. */
  private enqueue(call: CallRec, work: () => Promise<void>): Promise<void> {
    const next = (this.chains.get(call.id) ?? Promise.resolve()).then(work, work)
    const settled = next.catch(() => {})
    this.chains.set(call.id, settled)
    void settled.then(() => {
      if (this.chains.get(call.id) === settled) this.chains.delete(call.id)
    })
    return next
  }

  /** The caller says something; resolves when the agent's answer (or silence) is over. */
  say(account: Account, call: CallRec, text: string): Promise<void> {
    this.requireLive(call)
    return this.enqueue(call, async () => {
      if (call.status !== 'in-progress') return
      const turn = this.addTurn(call, { role: 'user', content: text, confidence: 0.95 })
      await this.voice.run(account, call, turn)
    })
  }

  /** The caller presses keys: a turn like speech, with the digits alongside. */
  press(account: Account, call: CallRec, digits: string): Promise<void> {
    this.requireLive(call)
    return this.enqueue(call, async () => {
      if (call.status !== 'in-progress') return
      const turn = this.addTurn(call, { role: 'user', content: `[pressed ${digits}]`, digits, confidence: 1 })
      await this.voice.run(account, call, turn)
    })
  }

  addTurn(call: CallRec, fields: Omit<TurnRec, 'id' | 'createdAt'>): TurnRec {
    const turn: TurnRec = { id: newId('turn_'), createdAt: isoNow(this.ctx.clock), ...fields }
    call.turns.push(turn)
    this.ctx.changed()
    for (const w of this.watchers.get(call.id) ?? []) w.turn(turn)
    return turn
  }

  /** One agent line reaches the caller: into the transcript and out as a `heard` event. */
  speak(call: CallRec, line: VoiceLine): void {
    if (line.text || line.digits) {
      this.addTurn(call, { role: 'agent', content: line.text, ...(line.interim ? { interim: true } : {}), ...(line.digits ? { digits: line.digits } : {}) })
    }
    this.ctx.emitter.emit(
      'heard',
      {
        callId: call.id,
        text: line.text,
        interim: line.interim,
        ...(line.digits ? { digits: line.digits } : {}),
        ...(line.hangup ? { hangup: true } : {}),
        ...(line.action ? { action: line.action } : {})
      },
      this.report
    )
  }

  /** Ends a call once: transcript watchers close, and `agent.call_ended` goes where events go. */
  end(account: Account, call: CallRec, reason: string, status: EndStatus = 'completed'): void {
    if (isOver(call)) return
    call.status = status
    call.endedAt = isoNow(this.ctx.clock)
    call.disconnectionReason = reason
    this.ctx.changed()
    this.turnAborts.get(call.id)?.abort()
    for (const w of this.watchers.get(call.id) ?? []) w.ended(call)
    this.watchers.delete(call.id)
    for (const wake of this.endWaiters.get(call.id) ?? []) wake()
    this.endWaiters.delete(call.id)
    this.emitCall('ended', call)
    const route = account.webhookFor(call.agentId)
    if (route) {
      this.ctx.deliverer.enqueue(account, route, callEndedEnvelope(account, call, call.endedAt), { eventType: 'agent.call_ended', channel: 'voice', callId: call.id })
    }
  }

  /** Follows a call's transcript; returns the unsubscribe. Ended calls have nothing to follow. */
  watch(callId: string, watcher: TranscriptWatcher): () => void {
    const set = this.watchers.get(callId) ?? new Set<TranscriptWatcher>()
    this.watchers.set(callId, set)
    set.add(watcher)
    return () => void set.delete(watcher)
  }

  /** A registered web call nobody joined ends when its token expires. */
  expireUnjoined(account: Account, call: CallRec, ms: number): void {
    this.callee.giveUpAfter(account, call, ms, 'registered_call_timeout', 'failed')
  }

  /** Resolves when the call ends or after `ms`, whichever is first (the long-polls). */
  whenEnded(call: CallRec, ms: number, signal?: AbortSignal): Promise<void> {
    if (isOver(call)) return Promise.resolve()
    return new Promise((resolve) => {
      const set = this.endWaiters.get(call.id) ?? new Set<() => void>()
      this.endWaiters.set(call.id, set)
      const wake = (): void => {
        timer.cancel()
        set.delete(wake)
        signal?.removeEventListener('abort', wake)
        resolve()
      }
      const timer = this.ctx.clock.after(ms, wake)
      set.add(wake)
      signal?.addEventListener('abort', wake, { once: true })
    })
  }

  stop(): void {
    this.callee.stop()
    for (const c of this.turnAborts.values()) c.abort()
    this.turnAborts.clear()
    this.watchers.clear()
    for (const set of this.endWaiters.values()) for (const wake of [...set]) wake()
    this.endWaiters.clear()
  }
}
