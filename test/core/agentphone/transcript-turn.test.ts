import { describe, expect, it } from 'vitest'
import { normalizeTurn, normalizeTurns, TurnKeyer } from '../../../src-main/core/agentphone/transcript-turn'

const now = () => 'NOW'

describe('normalizeTurn', () => {
  it('reads {role, content} turns with their flags', () => {
    const keyer = new TurnKeyer()
    expect(normalizeTurn({ id: 7, role: 'user', content: ' Hello ', createdAt: 'a', confidence: 0.9 }, keyer, now)).toEqual([
      { id: '7', speaker: 'caller', text: 'Hello', at: 'a', confidence: 0.9 }
    ])
    expect(normalizeTurn({ id: 't2', role: 'agent', content: 'One moment…', interim: true, createdAt: 'b' }, keyer, now)).toEqual([
      { id: 't2', speaker: 'agent', text: 'One moment…', at: 'b', interim: true }
    ])
  })

  it('maps speaker names and the text field', () => {
    const turns = normalizeTurns([{ id: 'a', speaker: 'customer', text: 'hi' }, { id: 'b', speaker: 'assistant', text: 'hello' }], now)
    expect(turns.map((t) => [t.speaker, t.text, t.at])).toEqual([
      ['caller', 'hi', 'NOW'],
      ['agent', 'hello', 'NOW']
    ])
  })

  it('splits a {transcript, response} pair into two turns with derived ids', () => {
    expect(normalizeTurns([{ id: 'p1', transcript: 'Open today?', response: 'Until six.', createdAt: 'c' }], now)).toEqual([
      { id: 'p1:caller', speaker: 'caller', text: 'Open today?', at: 'c' },
      { id: 'p1:agent', speaker: 'agent', text: 'Until six.', at: 'c' }
    ])
  })

  it('keys id-less turns by content and counts repeats', () => {
    const ids = normalizeTurns([{ role: 'user', content: 'yes' }, { role: 'user', content: 'yes' }], now).map((t) => t.id)
    expect(ids[0]).not.toBe(ids[1])
    expect(normalizeTurns([{ role: 'user', content: 'yes' }], now)[0]?.id).toBe(ids[0])
  })

  it('drops empty and malformed turns', () => {
    expect(normalizeTurns([null, 'x', { role: 'user', content: '   ' }, { id: {}, role: 'user', content: 'x' }], now)).toEqual([])
  })
})
