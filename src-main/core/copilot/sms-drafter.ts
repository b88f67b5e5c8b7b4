import type { BridgeEvent, CopilotSmsDraft, Message } from '../../../src-preload/contract'
import type { Clock, Logger, Timer } from '../ports'
import { smsMessages } from './call-context'
import type { ConnectChat } from './chat-client'
import type { CopilotFacts } from './copilot-facts'
import type { CopilotEndpoint } from './copilot-settings'
import { describeFailure } from './failure-words'
import { streamAnswer } from './stream-answer'

/** A text has no deadline, but a draft that takes longer than this is no help. */
export const SMS_DRAFT_TIMEOUT_MS = 30_000
const MAX_PARALLEL = 20

type SmsJob = { controller: AbortController; timer: Timer | null; quiet: boolean }

/**
 * Drafts a reply to each SMS as it arrives, streamed as `copilot.smsDraft`. Only ever a draft:
 * a text goes out when the person sends it (autopilot answers calls, not texts).
 */
export class SmsDrafter {
  private readonly jobs = new Map<string, SmsJob>()

  constructor(private readonly deps: { clock: Clock; logger: Logger; connect: ConnectChat; facts: CopilotFacts; emit(event: BridgeEvent): void }) {}

  draft(message: Message, endpoint: CopilotEndpoint): void {
    if (message.direction !== 'inbound' || this.jobs.has(message.id) || this.jobs.size >= MAX_PARALLEL) return
    const job: SmsJob = { controller: new AbortController(), timer: null, quiet: false }
    this.jobs.set(message.id, job)
    void this.run(message, endpoint, job)
  }

  quiet(messageId: string): void {
    const job = this.jobs.get(messageId)
    if (!job) return
    job.quiet = true
    job.controller.abort()
  }

  stop(): void {
    for (const id of [...this.jobs.keys()]) this.quiet(id)
  }

  private async run(message: Message, endpoint: CopilotEndpoint, job: SmsJob): Promise<void> {
    const { facts, clock } = this.deps
    let text = ''
    let timedOut = false
    const emit = (done: boolean, error?: string): void => {
      if (job.quiet) return
      const data: CopilotSmsDraft = { messageId: message.id, conversationId: message.conversationId, from: message.from, to: message.to, text, done, modelLabel: endpoint.label }
      this.deps.emit({ event: 'copilot.smsDraft', data: error ? { ...data, error } : data })
    }
    job.timer = clock.after(SMS_DRAFT_TIMEOUT_MS, () => {
      timedOut = true
      job.controller.abort()
    })
    try {
      // Without the thread the model still sees the message itself: a weaker draft beats none.
      const history = await facts.smsHistory(message.conversationId).catch((): Awaited<ReturnType<CopilotFacts['smsHistory']>> => [])
      const last = history.at(-1)
      if (!(last?.direction === 'inbound' && last.body === message.body)) history.push({ direction: 'inbound', body: message.body })
      const agent = facts.agent(message.agentId ?? null)
      const messages = smsMessages({ agentName: agent?.name ?? null, systemPrompt: agent?.systemPrompt ?? null, contactNumber: message.from, history, quickReplies: facts.quickReplies() })
      const answer = await streamAnswer(this.deps.connect(endpoint), { model: endpoint.model, messages }, job.controller.signal, (t) => {
        text = t
        emit(false)
      })
      if (answer.refusal) emit(true, `The model declined to answer: ${answer.refusal}`)
      else if (!answer.text) emit(true, 'The model gave an empty answer.')
      else emit(true)
    } catch (err) {
      if (timedOut) emit(true, `The model did not answer within ${SMS_DRAFT_TIMEOUT_MS / 1000} s.`)
      else if (!job.controller.signal.aborted) {
        this.deps.logger.warn('copilot: SMS draft failed', { messageId: message.id, status: (err as { status?: unknown }).status ?? null })
        emit(true, describeFailure(err, endpoint))
      }
    } finally {
      job.timer?.cancel()
      this.jobs.delete(message.id)
    }
  }
}
