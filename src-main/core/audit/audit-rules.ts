/**
 * Which commands go into the activity trail, and how each is put in words: one table, so "who
 * changed what" covers every command that answers a caller or changes the hub. Reads are not
 * recorded. Secrets never appear: a new API key is "API key replaced", not the key.
 */
import type { BridgeResult, CommandName, CommandParams, CommandResult } from '../../../src-preload/contract'
import type { AuditFact } from './audit-log'

type Describe<M extends CommandName> = (params: CommandParams<M>, result: CommandResult<M>) => AuditFact | null
type Rules = { [M in CommandName]?: Describe<M> }

const call = (id: string | undefined): string | null => (id ? `call ${id}` : null)

const rules: Rules = {
  'turns.reply': (p, r) => ({
    action: p.interim ? 'sent an interim line' : p.action === 'transfer' ? 'answered a turn and transferred the call' : p.hangup || p.action === 'hangup' ? 'answered a turn and hung up' : 'answered a turn',
    target: call(r.callId),
    detail: `turn ${p.turnId}`
  }),
  'turns.claim': (p, r) => (p.takeOver ? { action: 'took over a turn', target: call(r.callId), detail: `turn ${p.turnId}` } : null),
  'calls.place': (p, r) => ({ action: 'placed a call', target: call(r.id), detail: `to ${p.toNumber}` }),
  'calls.end': (p) => ({ action: 'ended a call', target: call(p.callId) }),
  'calls.setAnswerer': (p) => ({ action: p.answeredBy === 'fallback' ? 'handed a call to the fallback line' : 'took a call back from the fallback line', target: call(p.callId) }),
  'messages.send': (p) => ({ action: 'sent a text', target: `to ${p.toNumber}` }),
  'settings.update': (p) => ({ action: 'changed settings', detail: Object.keys(p).join(', ') || null }),
  'app.configure': (p) => {
    const changes = [
      p.apiKey === null ? 'API key removed' : p.apiKey !== undefined ? 'API key replaced' : null,
      p.baseUrl !== undefined ? `API base URL ${p.baseUrl}` : null,
      p.receiverPort !== undefined ? `receiver port ${p.receiverPort}` : null,
      p.tunnelUrl !== undefined ? `tunnel URL ${p.tunnelUrl ?? 'cleared'}` : null
    ].filter(Boolean)
    return changes.length ? { action: 'changed the connection', detail: changes.join('; ') } : null
  },
  'app.switchMode': (p) => ({ action: `switched to ${p.mode} mode` }),
  'webhooks.connect': (p, r) => ({ action: 'connected a webhook', target: p.agentId ? `agent ${p.agentId}` : 'the project', detail: `${p.url} (${r.test})` }),
  'webhooks.disconnect': (p) => ({ action: 'disconnected the webhook', detail: p.restorePrevious ? 'put the previous one back' : null }),
  'webhooks.replay': (p) => ({ action: 'replayed a delivery', target: `delivery ${p.deliveryId}` }),
  'webhooks.resend': (p) => ({ action: 'resent a delivery', target: `delivery ${p.deliveryId}`, detail: p.url ?? 'to the receiver' }),
  'agents.create': (p, r) => ({ action: 'created an agent', target: `${p.name} (${r.id})` }),
  'agents.update': (p) => ({ action: 'changed an agent', target: `agent ${p.agentId}`, detail: Object.keys(p).filter((k) => k !== 'agentId').join(', ') || null }),
  'agents.delete': (p) => ({ action: 'deleted an agent', target: `agent ${p.agentId}` }),
  'numbers.buy': (_p, r) => ({ action: 'bought a number', target: r.phoneNumber ?? r.id }),
  'numbers.release': (p) => ({ action: 'released a number', target: `number ${p.numberId}` }),
  'numbers.attach': (p) => ({ action: 'attached a number', target: `number ${p.numberId}`, detail: `to agent ${p.agentId}` }),
  'numbers.detach': (p) => ({ action: 'detached a number', target: `number ${p.numberId}`, detail: `from agent ${p.agentId}` }),
  'history.clear': () => ({ action: 'cleared history' }),
  'sandbox.reset': () => ({ action: 'reset the sandbox' }),
  'scenarios.run': (p) => ({ action: 'ran a scenario', detail: `at ${p.webhookUrl}` })
}

/** What to write for a command that went through, or null when it is not recorded. */
export function auditFactFor(method: string, params: unknown, result: BridgeResult<unknown>): AuditFact | null {
  if (!result.ok) return null
  const rule = (rules as Record<string, ((p: unknown, r: unknown) => AuditFact | null) | undefined>)[method]
  if (!rule) return null
  return rule(params ?? {}, result.value ?? {})
}
