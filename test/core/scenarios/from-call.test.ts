import { describe, expect, it } from 'vitest'
import type { TranscriptTurn } from '../../../src-preload/contract'
import { scenarioFromCall } from '../../../src-main/core/scenarios/from-call'
import { parseScenario } from '../../../src-main/core/scenarios/parse'

const call = { id: 'call_1', from: '+15550199000', to: '+15550100100', startedAt: '2026-01-01T10:00:00.000Z' }
const line = (speaker: 'caller' | 'agent', text: string, extra: Partial<TranscriptTurn> = {}): TranscriptTurn => ({ callId: 'call_1', speaker, text, at: '2026-01-01T10:00:01.000Z', ...extra })

describe('scenarioFromCall', () => {
  it('replays each caller line and expects the final answer, not the filler, as an escaped pattern', () => {
    const text = scenarioFromCall(call, [
      line('agent', 'Hello, how can I help?', { source: 'greeting' }),
      line('caller', 'Is it $5 (or more)?'),
      line('agent', 'One moment, please.', { interim: true, source: 'filler' }),
      line('agent', 'It is $5.', { source: 'human' }),
      line('caller', 'Main menu'),
      line('agent', '', { digits: '1', source: 'human' }),
      line('caller', 'Thanks')
    ])!
    const parsed = parseScenario(text)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.scenario.to).toBe('+15550100100')
    expect(parsed.scenario.turns).toEqual([
      { caller: 'Is it $5 (or more)?', expect: { replyMatches: 'It is \\$5\\.' } },
      { caller: 'Main menu', expect: { forbiddenActions: ['hangup'] } },
      { caller: 'Thanks' }
    ])
    expect(new RegExp(parsed.scenario.turns[0]!.expect!.replyMatches!, 'i').test('Sure: it is $5.')).toBe(true)
  })

  it('has nothing to replay when the caller never spoke', () => {
    expect(scenarioFromCall(call, [line('agent', 'Hello?')])).toBeNull()
  })
})
