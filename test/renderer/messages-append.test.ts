import { describe, expect, it } from 'vitest'
import type { Message } from '../../src-preload/contract'
import { appendMessage, MAX_THREAD_MESSAGES, mergeMessages } from '../../src-renderer/store/messages-match'

const at = (s: number): string => new Date(Date.UTC(2026, 0, 1, 9, 0, s)).toISOString()
const msg = (id: string, second: number): Message => ({
  id,
  conversationId: 'conv_1',
  direction: 'inbound',
  from: '+15550100111',
  to: '+15550100222',
  body: `text ${id}`,
  channel: 'sms',
  at: at(second),
  agentId: null
})

describe('appendMessage: one live message into a thread, as mergeMessages would put it', () => {
  const thread = [msg('a', 1), msg('b', 2), msg('c', 4)]

  it('appends a newer message (and one with the same time after the others), leaving the old array alone', () => {
    for (const m of [msg('d', 5), msg('d', 4)]) {
      const next = appendMessage(thread, m)
      expect(next).toEqual(mergeMessages(thread, [m]))
      expect(next.at(-1)).toBe(m)
    }
    expect(thread.map((m) => m.id)).toEqual(['a', 'b', 'c'])
  })

  it('keeps the thread as it is for a message it already holds, and puts an older one in its place', () => {
    expect(appendMessage(thread, { ...msg('b', 2), body: 'again' })).toEqual(thread)
    const older = msg('x', 3)
    expect(appendMessage(thread, older).map((m) => m.id)).toEqual(['a', 'b', 'x', 'c'])
  })

  it('keeps only the newest MAX_THREAD_MESSAGES', () => {
    const full = Array.from({ length: MAX_THREAD_MESSAGES }, (_, i) => msg(`m${i}`, i))
    const next = appendMessage(full, msg('new', MAX_THREAD_MESSAGES + 1))
    expect(next).toHaveLength(MAX_THREAD_MESSAGES)
    expect(next[0]!.id).toBe('m1')
    expect(next.at(-1)!.id).toBe('new')
    expect(next).toEqual(mergeMessages(full, [msg('new', MAX_THREAD_MESSAGES + 1)]))
  })
})
