import type { BridgeEvent, CopilotDraft, EventData } from '../../../src-preload/contract'
import type { Clock, Logger } from '../ports'
import type { TurnBroker } from '../turns/turn-broker'
import type { ReplyParams } from '../turns/turn-types'
import { voiceMessages, voiceTools } from './call-context'
import type { ConnectChat } from './chat-client'
import type { CopilotFacts } from './copilot-facts'
import type { CopilotEndpoint } from './copilot-settings'
import { describeFailure } from './failure-words'
import { streamAnswer, type Answer } from './stream-answer'

/** One turn's draft in flight. */
export interface VoiceJob {
  readonly turnId: string
  readonly callId: string
  /** Autopilot will not send it: what the model writes becomes a suggestion the person may send. */
  toSuggestion(): void
  /** Stops the request without a word: the turn closed, or the person cleared the draft. */
  stop(): void
}

export interface VoiceJobDeps {
  clock: Clock
  logger: Logger
  connect: ConnectChat
  facts: CopilotFacts
  turns: Pick<TurnBroker, 'reply' | 'peek'>
  emit(event: BridgeEvent): void
}

export interface VoiceJobOptions {
  turn: EventData<'turn.opened'>
  endpoint: CopilotEndpoint
  autopilot: boolean
  /** When the request is stopped, ahead of the turn's deadline. */
  abortInMs: number
  /** Asked at the moment autopilot would send: may it still? */
  mayAnswer(): boolean
  onEnd(): void
}

export const DEADLINE_WORDS = 'The model did not answer in time: its request was stopped just before the deadline.'

/**
 * Streams the model's answer to one voice turn as `copilot.draft` events and, in autopilot, sends
 * it through the turn broker like a person's reply (marked with the model). Stopped at the
 * deadline minus a margin; every failure ends in a draft event carrying plain words.
 */
export function runVoiceJob(deps: VoiceJobDeps, o: VoiceJobOptions): VoiceJob {
  const { turnId, callId } = o.turn
  const controller = new AbortController()
  let autopilot = o.autopilot
  let text = ''
  let why: 'deadline' | 'quiet' | null = null
  let done = false
  // The autopilot's own reply closes the turn, and the close would otherwise silence its last event.
  let sending = false

  const emit = (finished: boolean, extra: Pick<CopilotDraft, 'action' | 'error'> = {}): void => {
    if (why === 'quiet') return
    if (finished) done = true
    deps.emit({ event: 'copilot.draft', data: { turnId, callId, text, done: finished, modelLabel: o.endpoint.label, autopilot, ...extra } })
  }
  const timer = deps.clock.after(o.abortInMs, () => {
    why = 'deadline'
    controller.abort()
  })

  const finish = (answer: Answer): void => {
    if (answer.refusal) return emit(true, { error: `The model declined to answer: ${answer.refusal}` })
    if (!answer.text && !answer.action) return emit(true, { error: 'The model gave an empty answer.' })
    const extra = answer.action ? { action: answer.action } : {}
    if (autopilot && o.mayAnswer()) {
      try {
        sending = true
        deps.turns.reply(turnId, toReply(turnId, answer), undefined, { source: 'copilot', model: o.endpoint.label })
        return emit(true, extra)
      } catch (err) {
        sending = false
        // Closed or claimed in the meantime: the person's answer (or the fallback) already stands.
        deps.logger.info('copilot: autopilot answer not sent', { turnId, reason: err instanceof Error ? err.message : String(err) })
      }
    }
    autopilot = false
    emit(true, extra)
  }

  const run = async (): Promise<void> => {
    const call = deps.facts.call(callId)
    const agent = deps.facts.agent(call?.agentId ?? null)
    const facts = {
      agentName: agent?.name ?? null,
      systemPrompt: agent?.systemPrompt ?? null,
      beginMessage: agent?.beginMessage ?? null,
      canTransfer: Boolean(agent?.transferNumber),
      callerNumber: call ? (call.direction === 'outbound' ? call.to : call.from) : '',
      lines: deps.facts.lines(callId),
      utterance: o.turn.transcript,
      quickReplies: deps.facts.quickReplies()
    }
    const request = { model: o.endpoint.model, messages: voiceMessages(facts), tools: voiceTools(facts) }
    try {
      const answer = await streamAnswer(deps.connect(o.endpoint), request, controller.signal, (t) => {
        text = t
        if (!controller.signal.aborted) emit(false)
      })
      if (controller.signal.aborted) throw new Error('aborted')
      finish(answer)
    } catch (err) {
      if (why === 'deadline') emit(true, { error: DEADLINE_WORDS })
      else if (!controller.signal.aborted) {
        deps.logger.warn('copilot: model request failed', { turnId, model: o.endpoint.model, status: (err as { status?: unknown }).status ?? null })
        emit(true, { error: describeFailure(err, o.endpoint) })
      }
    } finally {
      timer.cancel()
      o.onEnd()
    }
  }
  void run()

  return {
    turnId,
    callId,
    toSuggestion() {
      if (!autopilot) return
      autopilot = false
      // Tell the renderer at once, even before the next token: the box, not the autopilot, has it now.
      if (!done) emit(false)
    },
    stop() {
      if (sending) return
      why = 'quiet'
      timer.cancel()
      controller.abort()
    }
  }
}

/** The model's answer as a `turns.reply`: words, plus the action it asked for. */
function toReply(turnId: string, answer: Answer): ReplyParams {
  const text = answer.text ? { turnId, text: answer.text } : { turnId }
  switch (answer.action?.type) {
    case 'transfer':
      return { ...text, action: 'transfer' }
    case 'hangup':
      return { ...text, hangup: true }
    case 'digits':
      return { ...text, digits: answer.action.digits }
    default:
      return { turnId, text: answer.text }
  }
}
