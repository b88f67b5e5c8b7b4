/**
 * The simulated callee: who answers an outbound call to any number but the sandbox phone, so a
 * client that places a call and waits for it gets a finished call with a transcript. What happens
 * is chosen by the last digit of the number called, a rule a person can read off the number:
 *   0–5 answers and talks, 6 declines, 7 is busy, 8 does not answer, 9 goes to voicemail.
 * Status and `disconnectionReason` are set as AgentPhone (a Retell-based service) reports them.
 */
import type { Account } from './account'
import type { CallEngine, EndStatus } from './call-engine'
import type { SimContext } from './context'
import type { Timer } from '../ports'
import type { CallRec } from './types'

export type CalleeOutcome = 'answers' | 'declines' | 'busy' | 'no-answer' | 'voicemail'

/** The rule, by the last digit of the number called. */
export function calleeOutcome(toNumber: string): CalleeOutcome {
  switch (toNumber.trim().slice(-1)) {
    case '6':
      return 'declines'
    case '7':
      return 'busy'
    case '8':
      return 'no-answer'
    case '9':
      return 'voicemail'
    default:
      return 'answers'
  }
}

/** What the callee says once it answered; it hangs up after the last line if the agent has not. */
export const CALLEE_LINES = ['Hello? Yes, this is Sam speaking.', 'Sure, that works for me.', 'Great, thank you. Goodbye!']

export function voicemailGreeting(toNumber: string): string {
  return `Hi, you have reached the voicemail of ${toNumber}. Please leave a message after the tone.`
}

/** Rings this many paces before giving up as no-answer. */
const NO_ANSWER_PACES = 4
/** How long the sandbox phone rings for a person before the call ends unanswered, as a real one would. */
export const SANDBOX_RING_MS = 60_000

export class SimulatedCallee {
  private readonly pending = new Set<{ timer: Timer; wake: (fired: boolean) => void }>()
  private stopped = false

  constructor(
    private readonly ctx: SimContext,
    private readonly engine: CallEngine
  ) {}

  /** Ends the call with `reason` if it is still ringing after `ms` (an unanswered phone, an unused web token). */
  giveUpAfter(account: Account, call: CallRec, ms: number, reason: string, status: EndStatus): void {
    void this.pause(ms).then((fired) => {
      if (fired && call.status === 'ringing') this.engine.end(account, call, reason, status)
    })
  }

  /** Starts the callee's side of a ringing outbound call; runs on the simulator's clock. */
  dial(account: Account, call: CallRec): void {
    void this.run(account, call, calleeOutcome(call.toNumber)).catch((err: unknown) => {
      this.ctx.logger.warn('simulated callee failed', { callId: call.id, error: String(err) })
    })
  }

  private async run(account: Account, call: CallRec, outcome: CalleeOutcome): Promise<void> {
    const pace = this.ctx.calleePaceMs
    const ringing = (): boolean => call.status === 'ringing'
    const live = (): boolean => call.status === 'in-progress'
    if (!(await this.pause(outcome === 'no-answer' ? pace * NO_ANSWER_PACES : pace)) || !ringing()) return
    if (outcome === 'declines') return this.engine.end(account, call, 'user_declined', 'failed')
    if (outcome === 'busy') return this.engine.end(account, call, 'dial_busy', 'busy')
    if (outcome === 'no-answer') return this.engine.end(account, call, 'dial_no_answer', 'no-answer')
    if (outcome === 'voicemail') return this.voicemail(account, call)
    this.engine.answer(call)
    for (const line of CALLEE_LINES) {
      if (!(await this.pause(pace)) || !live()) return
      await this.engine.say(account, call, line)
    }
    if (!(await this.pause(pace)) || !live()) return
    this.engine.end(account, call, 'user_hangup')
  }

  /**
   * A machine answers: its greeting is the callee's line, the agent leaves its voicemail message
   * (else its greeting) and the call ends as `voicemail_reached`, completed.
   */
  private voicemail(account: Account, call: CallRec): void {
    this.engine.answer(call, { silent: true })
    this.engine.addTurn(call, { role: 'user', content: voicemailGreeting(call.toNumber), confidence: 0.9 })
    const agent = call.agentId ? account.agents.get(call.agentId) : undefined
    const message = (agent?.extra.voicemailMessage as string | null | undefined) ?? call.greeting ?? `This is ${agent?.name ?? 'an agent'}. Please call us back.`
    this.engine.speak(call, { text: message, interim: false, hangup: true })
    this.engine.end(account, call, 'voicemail_reached')
  }

  /** Resolves true after `ms` on the simulator's clock, false if the simulator stopped first. */
  private pause(ms: number): Promise<boolean> {
    if (this.stopped) return Promise.resolve(false)
    return new Promise((resolve) => {
      const entry = {
        timer: this.ctx.clock.after(ms, () => entry.wake(true)),
        wake: (fired: boolean) => {
          this.pending.delete(entry)
          entry.timer.cancel()
          resolve(fired)
        }
      }
      this.pending.add(entry)
    })
  }

  stop(): void {
    this.stopped = true
    for (const entry of [...this.pending]) entry.wake(false)
  }
}
