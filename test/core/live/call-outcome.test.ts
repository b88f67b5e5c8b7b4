import { describe, expect, it } from 'vitest'
import { deriveOutcome, statusForOutcome } from '../../../src-main/core/live/call-outcome'

const at = '2026-01-01T10:00:00.000Z'

describe('deriveOutcome: AgentPhone status and disconnection reason in words', () => {
  const cases: Array<[string, Parameters<typeof deriveOutcome>[0], 'inbound' | 'outbound', boolean, string, 'completed' | 'failed']> = [
    ['status busy', { endedAt: at, status: 'busy' }, 'outbound', false, 'Busy', 'failed'],
    ['status no-answer', { endedAt: at, status: 'no-answer' }, 'outbound', false, 'No answer', 'failed'],
    ['reason dial_busy', { endedAt: at, status: 'failed', reason: 'dial_busy' }, 'outbound', false, 'Busy', 'failed'],
    ['reason dial_no_answer', { endedAt: at, status: 'failed', reason: 'dial_no_answer' }, 'outbound', false, 'No answer', 'failed'],
    ['declined', { endedAt: at, status: 'failed', reason: 'declined' }, 'outbound', false, 'Declined', 'failed'],
    ['voicemail', { endedAt: at, status: 'completed', reason: 'voicemail_reached' }, 'outbound', false, 'Reached voicemail', 'completed'],
    ['a failure with its reason', { endedAt: at, status: 'failed', reason: 'error_llm_websocket_open' }, 'inbound', false, 'Failed: llm websocket open', 'failed'],
    ['a failure with none', { endedAt: at, status: 'failed' }, 'inbound', false, 'Failed: no reason given', 'failed'],
    ['a transfer', { endedAt: at, status: 'completed', reason: 'call_transfer', transferTo: '+14155550199' }, 'inbound', false, 'Transferred to +14155550199', 'completed'],
    ['the caller hanging up', { endedAt: at, status: 'completed', reason: 'user_hangup' }, 'inbound', false, 'Caller hung up', 'completed'],
    ['the called party hanging up', { endedAt: at, status: 'completed', reason: 'user_hangup' }, 'outbound', false, 'Called party hung up', 'completed'],
    ['the agent hanging up', { endedAt: at, status: 'completed', reason: 'agent_hangup' }, 'inbound', false, 'Ended by the agent', 'completed'],
    ['the agent hanging up because the person said so', { endedAt: at, status: 'completed', reason: 'agent_hangup' }, 'inbound', true, 'Ended by you', 'completed'],
    ['the End button (API end)', { endedAt: at, status: 'completed', reason: 'api_end' }, 'inbound', false, 'Ended by you', 'completed'],
    ['no reason at all', { endedAt: at, status: 'completed' }, 'inbound', false, 'Ended', 'completed']
  ]
  it.each(cases)('%s', (_name, end, direction, byYou, label, status) => {
    const outcome = deriveOutcome(end, direction, byYou)
    expect(outcome.label).toBe(label)
    expect(statusForOutcome(outcome.kind)).toBe(status)
  })

  it('a caller hanging up is not turned into "ended by you"', () => {
    expect(deriveOutcome({ endedAt: at, reason: 'user_hangup' }, 'inbound', true).kind).toBe('hung_up')
  })
})
