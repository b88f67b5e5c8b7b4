import type { ServerResponse } from 'node:http'
import type { OpenTurn } from '../../../src-preload/contract'
import { CoreError } from '../errors'
import type { Clock, Timer } from '../ports'
import { replyToWireLine, wallTime } from './turn-line'
import type { WireLine } from './turn-line'
import type { LineSource, ReplyOrigin, ReplyParams, TurnBrokerOptions, TurnConfig, TurnHooks, TurnOutcome, TurnRequest } from './turn-types'
import { TurnClaims, type ClaimHolder } from './turn-claims'

interface LiveTurn extends TurnRequest {
  deadlineMs: number
  /** The delivery's response, then any retry of it that joined (AgentPhone gave up on the first). */
  responses: ServerResponse[]
  hooks: TurnHooks
  timer: Timer | undefined
}

interface ClosedTurn {
  outcome: TurnOutcome
  atMs: number
  /** The line that closed the turn, as sent: what a late retry of the same delivery is answered. */
  finalLine: string | null
}

const NDJSON = { 'Content-Type': 'application/x-ndjson', 'Cache-Control': 'no-store' }

/**
 * Holds each voice webhook's HTTP response open while a person decides what the agent says.
 * The response streams NDJSON (agentphone-api.md §4.1): an optional interim filler at once, then
 * whatever the person sends, and the fallback line if nobody answers before the deadline.
 */
export class TurnBroker {
  private readonly clock: Clock
  private readonly config: () => TurnConfig
  private readonly emit: TurnBrokerOptions['onEvent']
  private readonly closedMemory: number
  private readonly live = new Map<string, LiveTurn>()
  /** Recently closed turns, oldest first, so a late reply can say what happened instead. */
  private readonly closed = new Map<string, ClosedTurn>()
  private readonly claims: TurnClaims
  private shuttingDown = false

  constructor(options: TurnBrokerOptions) {
    this.clock = options.clock
    this.config = options.config
    this.emit = options.onEvent
    this.closedMemory = options.closedMemory ?? 1000
    this.claims = new TurnClaims({
      clock: options.clock,
      idleMs: options.claimIdleMs,
      onLapse: (turnId, holder, reason) => {
        const turn = this.live.get(turnId)
        if (turn) this.emit({ event: 'turn.unclaimed', data: { turnId, callId: turn.callId, by: holder.name, reason } })
      }
    })
  }

  /** Answers `res` with 200 NDJSON at once and keeps it open until a reply, the deadline or a hang-up. */
  open(request: TurnRequest, res: ServerResponse, hooks: TurnHooks = {}): void {
    if (this.live.has(request.turnId) || this.closed.has(request.turnId)) {
      throw new CoreError('internal', `turn ${request.turnId} was already opened`)
    }
    const config = this.config()
    const now = this.clock.now()
    const turn: LiveTurn = {
      ...request,
      deadlineMs: now + config.turnTimeoutMs - config.deadlineMarginMs,
      responses: [res],
      hooks,
      timer: undefined
    }
    const crowded = this.live.size >= config.maxOpenTurns
    res.writeHead(200, NDJSON)
    this.live.set(turn.turnId, turn)
    res.on('close', () => this.dropResponse(turn, res))
    this.emit({
      event: 'turn.opened',
      data: { turnId: turn.turnId, callId: turn.callId, transcript: turn.transcript, deadline: new Date(turn.deadlineMs).toISOString() }
    })
    // The caller may have hung up while the webhook was being journaled: its 'close' already fired.
    if (res.destroyed || res.socket?.destroyed) return this.cancel(turn)
    if (hooks.fallbackOnly || crowded || this.shuttingDown) {
      this.write(turn, { text: config.fallbackText }, 'fallback')
      return
    }
    if (config.fillerEnabled) this.write(turn, { text: config.fillerText, interim: true }, 'filler')
    else res.flushHeaders() // AgentPhone sees the 200 now even with no filler
    if (this.live.has(turn.turnId)) {
      turn.timer = this.clock.after(Math.max(0, turn.deadlineMs - now), () => this.fallback(turn.turnId))
    }
  }

  /**
   * AgentPhone sent the same voice delivery again (it gave up waiting, or a proxy retried). The
   * caller must hear something, never `{"duplicate":true}` (dead air): a turn still open takes the
   * retry's response too and answers it with whatever comes next; a closed one gets the line that
   * closed it; an unknown one (closed long ago, or before a restart) gets the fallback line.
   */
  answerRetry(turnId: string | null, res: ServerResponse, onLine?: (line: string, atMs: number) => void): 'joined' | 'answered' {
    const live = turnId ? this.live.get(turnId) : undefined
    if (live && !res.destroyed) {
      res.writeHead(200, NDJSON)
      res.flushHeaders()
      live.responses.push(res)
      res.on('close', () => this.dropResponse(live, res))
      return 'joined'
    }
    const line = (turnId ? this.closed.get(turnId)?.finalLine : null) ?? JSON.stringify({ text: this.config().fallbackText })
    res.writeHead(200, NDJSON)
    res.end(`${line}\n`)
    onLine?.(line, this.clock.now())
    return 'answered'
  }

  /** Throws what `reply` would for this person, without writing anything (checked before slow preparations). */
  assertCanReply(turnId: string, params: ReplyParams, who?: ClaimHolder): void {
    this.mustBeLive(turnId)
    this.refuseIfClaimed(turnId, who ?? (params.by ? { id: params.by, name: params.by } : null))
  }

  private refuseIfClaimed(turnId: string, person: ClaimHolder | null): void {
    const holder = this.claims.blocking(turnId, person)
    if (holder) throw new CoreError('turn_claimed', `${holder.name} is answering this turn — your text was not sent`)
  }

  /**
   * Writes a person's line (or the autopilot's, marked with its model). A non-interim line ends the
   * turn; refused if the turn is gone or someone else holds its claim. `who` is the person (a hub
   * link); without it, `params.by` names them. An interim line from a person claims the turn (or
   * keeps the claim alive): they are working on it. The autopilot never claims.
   */
  reply(turnId: string, params: ReplyParams, who?: ClaimHolder, origin: ReplyOrigin = { source: 'human' }): void {
    const turn = this.mustBeLive(turnId)
    const person = origin.source === 'copilot' ? null : (who ?? (params.by ? { id: params.by, name: params.by } : null))
    this.refuseIfClaimed(turnId, person)
    if (!this.write(turn, replyToWireLine(params), origin.source, origin.source === 'copilot' ? origin.model : undefined)) {
      throw new CoreError('turn_closed', 'This turn already closed (the call dropped it) — your text was not sent')
    }
    if (params.interim && person && this.live.has(turnId)) this.claim(turnId, person)
  }

  /**
   * Marks a turn as taken by `by`, so a teammate's reply is refused. Claiming it again as the same
   * person keeps the claim alive (it lapses after a short idle time); `takeOver` takes it from
   * someone else (the person confirmed). A plain string is a name an in-process caller chose.
   */
  claim(turnId: string, by: string | ClaimHolder, options: { takeOver?: boolean } = {}): OpenTurn {
    const turn = this.mustBeLive(turnId)
    const holder = typeof by === 'string' ? { id: by, name: by } : by
    const taken = this.claims.take(turnId, holder, options.takeOver)
    if (taken !== 'kept') this.emit({ event: 'turn.claimed', data: { turnId, callId: turn.callId, by: holder.name, byId: holder.id } })
    return this.toOpenTurn(turn)
  }

  /** A person's last connection closed: their claims lapse now, not after the idle time. */
  releaseHolder(holderId: string): void {
    this.claims.leave(holderId)
  }

  /** One waiting turn, or null once it closed (or was never opened). */
  peek(turnId: string): OpenTurn | null {
    const turn = this.live.get(turnId)
    return turn ? this.toOpenTurn(turn) : null
  }

  /** Every turn still waiting for an answer, oldest first. */
  list(): OpenTurn[] {
    return [...this.live.values()].map((turn) => this.toOpenTurn(turn))
  }

  /** Shutdown: every open turn gets the fallback now (better than silence), and so does any later one. */
  closeAll(): void {
    this.shuttingDown = true
    for (const turnId of [...this.live.keys()]) this.fallback(turnId)
  }

  private fallback(turnId: string): void {
    const turn = this.live.get(turnId)
    if (turn) this.write(turn, { text: this.config().fallbackText }, 'fallback')
  }

  private mustBeLive(turnId: string): LiveTurn {
    const turn = this.live.get(turnId)
    if (turn) return turn
    const closed = this.closed.get(turnId)
    if (closed) {
      throw new CoreError('turn_closed', `This turn already closed (${closed.outcome} at ${wallTime(closed.atMs)}) — your text was not sent`)
    }
    throw new CoreError('not_found', `No turn ${turnId}`)
  }

  /** False (and the turn closed as cancelled) if every response is already gone. */
  private write(turn: LiveTurn, line: WireLine, source: LineSource, model?: string): boolean {
    const open = turn.responses.filter((r) => !r.destroyed && !r.writableEnded)
    if (open.length === 0) {
      this.cancel(turn)
      return false
    }
    const json = JSON.stringify(line)
    const atMs = this.clock.now()
    const final = line.interim !== true
    // Close our side before ending the response, so the 'close' it fires is not read as a cancel.
    if (final) this.forget(turn, source === 'fallback' ? 'fallback' : 'replied', atMs, json)
    for (const res of open) {
      if (final) res.end(`${json}\n`)
      else res.write(`${json}\n`)
    }
    turn.hooks.onLine?.(json, atMs)
    this.emit({
      event: 'transcript.turn',
      data: {
        callId: turn.callId,
        speaker: 'agent',
        text: line.text ?? '',
        interim: !final,
        at: new Date(atMs).toISOString(),
        source,
        ...(line.digits !== undefined ? { digits: line.digits } : {}),
        ...(line.action ? { action: line.action } : line.hangup ? { action: 'hangup' as const } : {}),
        ...(model !== undefined ? { model } : {})
      }
    })
    if (final) this.announceClose(turn, source === 'fallback' ? 'fallback' : 'replied', atMs)
    return true
  }

  /** One response closed; the turn is cancelled once none is left to answer on. */
  private dropResponse(turn: LiveTurn, res: ServerResponse): void {
    turn.responses = turn.responses.filter((r) => r !== res)
    if (turn.responses.every((r) => r.destroyed || r.writableEnded)) this.cancel(turn)
  }

  /** The request or its socket closed before we ended the response: AgentPhone gave up or hung up. */
  private cancel(turn: LiveTurn): void {
    if (this.live.get(turn.turnId) !== turn) return
    const atMs = this.clock.now()
    this.forget(turn, 'cancelled', atMs)
    this.announceClose(turn, 'cancelled', atMs)
  }

  private forget(turn: LiveTurn, outcome: TurnOutcome, atMs: number, finalLine: string | null = null): void {
    turn.timer?.cancel()
    this.claims.drop(turn.turnId)
    this.live.delete(turn.turnId)
    this.closed.set(turn.turnId, { outcome, atMs, finalLine })
    if (this.closed.size > this.closedMemory) {
      const oldest = this.closed.keys().next()
      if (!oldest.done) this.closed.delete(oldest.value)
    }
  }

  private toOpenTurn(turn: LiveTurn): OpenTurn {
    const holder = this.claims.holder(turn.turnId)
    return {
      turnId: turn.turnId,
      callId: turn.callId,
      transcript: turn.transcript,
      deadline: new Date(turn.deadlineMs).toISOString(),
      claimedBy: holder?.name ?? null,
      claimedById: holder?.id ?? null
    }
  }

  private announceClose(turn: LiveTurn, outcome: TurnOutcome, atMs: number): void {
    turn.hooks.onClose?.(outcome, atMs)
    this.emit({ event: 'turn.closed', data: { turnId: turn.turnId, callId: turn.callId, outcome } })
  }
}
