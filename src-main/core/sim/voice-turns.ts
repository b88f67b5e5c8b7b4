/**
 * One caller turn: either the hosted stand-in answers, or the utterance goes to the webhook as a
 * signed `agent.message`/`voice` delivery and the answer is read per agentphone-api.md §4.
 * The whole turn must finish inside the webhook timeout; past it the caller hears silence.
 */
import type { Account } from './account'
import type { CallEngine } from './call-engine'
import type { SimContext } from './context'
import { hostedDigitsReply, hostedReply } from './hosted-responder'
import { isoNow } from './ids'
import { voiceMessageEnvelope } from './payloads'
import type { CallRec, TurnRec } from './types'
import type { VoiceLine } from './voice-reader'
import { readVoiceResponse } from './voice-reader'

export class VoiceTurns {
  constructor(
    private readonly ctx: SimContext,
    private readonly engine: CallEngine
  ) {}

  run(account: Account, call: CallRec, turn: TurnRec): Promise<void> {
    return call.hosted ? Promise.resolve(this.hosted(account, call, turn)) : this.webhook(account, call, turn)
  }

  private hosted(account: Account, call: CallRec, turn: TurnRec): void {
    const agent = call.agentId ? account.agents.get(call.agentId) : undefined
    const persona = { name: agent?.name ?? 'the agent', systemPrompt: call.systemPrompt }
    const reply = turn.digits ? hostedDigitsReply(persona, turn.digits) : hostedReply(persona, turn.content)
    this.engine.speak(call, { text: reply.text, interim: false, hangup: reply.hangup })
    if (reply.hangup) this.engine.end(account, call, 'agent_hangup')
  }

  private async webhook(account: Account, call: CallRec, turn: TurnRec): Promise<void> {
    const route = account.webhookFor(call.agentId)
    if (!route) {
      this.ctx.logger.warn('voice turn has no webhook to go to: the caller hears silence', { callId: call.id })
      return
    }
    const at = isoNow(this.ctx.clock)
    const envelope = voiceMessageEnvelope(account, call, turn.content, turn.confidence ?? 0.95, route.webhook.contextLimit, at, turn.digits)
    const controller = new AbortController()
    this.engine.turnAborts.set(call.id, controller)
    const timer = this.ctx.clock.after(this.ctx.deliverer.timeoutFor(route.webhook), () => controller.abort())
    try {
      const { res } = await this.ctx.deliverer.openVoice(account, route, envelope, { eventType: 'agent.message', channel: 'voice', callId: call.id }, controller.signal)
      if ((res.statusCode ?? 0) >= 300) {
        res.destroy()
        return
      }
      for await (const line of readVoiceResponse(res)) {
        if (controller.signal.aborted || call.status !== 'in-progress') break
        if (this.act(account, call, line)) break
      }
    } catch (err) {
      // Timeout, refused connection or a hang-up: the turn is dropped and the caller hears silence.
      if (!controller.signal.aborted) this.ctx.logger.warn('voice webhook failed', { callId: call.id, error: String(err) })
    } finally {
      timer.cancel()
      if (this.engine.turnAborts.get(call.id) === controller) this.engine.turnAborts.delete(call.id)
    }
  }

  /** Speaks one line and applies its action; true when the turn is over. */
  private act(account: Account, call: CallRec, line: VoiceLine): boolean {
    const transfer = line.action === 'transfer'
    const agent = call.agentId ? account.agents.get(call.agentId) : undefined
    const target = line.transferNumber ?? agent?.transferNumber
    if (transfer && !target) {
      this.ctx.logger.warn('transfer asked for but the agent has no transferNumber', { callId: call.id })
    }
    this.engine.speak(call, line)
    if (line.hangup) {
      this.engine.end(account, call, 'agent_hangup')
      return true
    }
    if (transfer && target) {
      // A cold transfer: the call leaves AgentPhone, so for us it is over.
      this.engine.end(account, call, 'call_transfer')
      return true
    }
    return !line.interim
  }
}
