import { describe, expect, it } from 'vitest'
import { answerWords, statusWords } from '../../src-renderer/lib/words'

describe('statuses in words', () => {
  it('blames AgentPhone only for AgentPhone’s answers', () => {
    expect(statusWords(503)).toBe('AgentPhone is unavailable for now (503)')
    expect(statusWords(401)).toBe('the API key was refused (401)')
    // A webhook server's answer (the receiver's, a scenario's, a resend's) is nobody's API key.
    expect(answerWords(401)).toBe('refused: not allowed (401)')
    expect(answerWords(500)).toBe('the server had a problem (500)')
    expect(answerWords(503)).not.toContain('AgentPhone')
  })

  it('keeps the number for a support ticket and reads success and the unknown plainly', () => {
    expect(answerWords(204)).toBe('OK (204)')
    expect(answerWords(422)).toBe('refused (422)')
    expect(answerWords(504)).toBe('too slow (504)')
    expect(answerWords(302)).toBe('unexpected answer (302)')
  })
})
