/**
 * The sandbox phone: what Switchboard's core drives in sandbox mode to play the caller and the
 * SMS contact. Every method is keyed by the API key whose account it acts in, and refuses with an
 * HttpError (status + detail) just as the REST API would.
 */
import type { Account } from './account'
import type { SimRuntime } from './context'
import { HttpError } from './http-errors'
import { SANDBOX_CONTACT, normalizePhone } from './ids'
import type { NumberRec } from './types'

export type SandboxFaultTarget = 'messages.send' | 'calls.place'
const FAULT_ROUTES: Record<SandboxFaultTarget, string> = { 'messages.send': 'POST /v1/messages', 'calls.place': 'POST /v1/calls' }

export class SandboxPhone {
  constructor(private readonly rt: SimRuntime) {}

  private account(apiKey: string): Account {
    const account = this.rt.accounts.get(apiKey)
    if (!account) throw new HttpError(401, 'Unknown API key')
    return account
  }

  private ownNumber(account: Account, to: string): NumberRec {
    const phone = normalizePhone(to)
    const number = account.numberByPhone(phone)
    if (!number) throw new HttpError(404, `${phone} is not one of this account's active numbers`)
    return number
  }

  /** Calls one of the account's numbers from the sandbox phone; the agent's beginMessage is heard. */
  dial(apiKey: string, p: { to: string; from?: string }): { callId: string } {
    const account = this.account(apiKey)
    const call = this.rt.calls.startInbound(account, this.ownNumber(account, p.to), normalizePhone(p.from ?? SANDBOX_CONTACT))
    return { callId: call.id }
  }

  /**
   * Makes the next `count` requests to an endpoint fail with a 503 carrier error, so a tester can
   * see how the console handles a failed send or call without waiting for a real outage.
   */
  injectFault(apiKey: string, target: SandboxFaultTarget, count = 1): void {
    const account = this.account(apiKey)
    const key = FAULT_ROUTES[target]
    account.faults.set(key, (account.faults.get(key) ?? 0) + count)
  }

  /** The caller speaks; resolves when the agent's turn is over (answered, silent, or timed out). */
  async say(apiKey: string, callId: string, text: string): Promise<void> {
    const account = this.account(apiKey)
    await this.rt.calls.say(account, account.call(callId), text)
  }

  /** The caller presses keys (DTMF). */
  async press(apiKey: string, callId: string, digits: string): Promise<void> {
    const account = this.account(apiKey)
    await this.rt.calls.press(account, account.call(callId), digits)
  }

  /** Picks up an outbound call that is ringing the sandbox phone. */
  answer(apiKey: string, callId: string): void {
    const account = this.account(apiKey)
    this.rt.calls.answer(account.call(callId))
  }

  /** Refuses a ringing outbound call: it ends as `failed` with `user_declined`. */
  decline(apiKey: string, callId: string): void {
    const account = this.account(apiKey)
    this.rt.calls.decline(account, account.call(callId))
  }

  /** The caller hangs up: the call ends and `agent.call_ended` is delivered. */
  hangup(apiKey: string, callId: string): void {
    const account = this.account(apiKey)
    const call = account.call(callId)
    if (call.status === 'ringing') this.rt.calls.decline(account, call)
    else this.rt.calls.end(account, call, 'user_hangup')
  }

  /** A text (MMS with `mediaUrls`) from the sandbox contact to one of the account's numbers: a signed agent.message. */
  sms(apiKey: string, p: { to: string; from?: string; body: string; mediaUrls?: string[] }): { messageId: string } {
    const account = this.account(apiKey)
    const msg = this.rt.messaging.receive(account, this.ownNumber(account, p.to), normalizePhone(p.from ?? SANDBOX_CONTACT), p.body, p.mediaUrls ?? [])
    return { messageId: msg.id }
  }

  /** The contact taps back on a message of the account's: a signed `agent.reaction` (§9.6). */
  react(apiKey: string, p: { messageId: string; reaction: string }): { reactionId: string } {
    const account = this.account(apiKey)
    const msg = account.messages.find((m) => m.id === p.messageId)
    if (!msg) throw new HttpError(404, 'Message not found')
    return { reactionId: this.rt.messaging.react(account, msg, p.reaction, 'inbound').id }
  }
}
