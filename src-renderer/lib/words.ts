/**
 * The console's shared wording, in one place so every view says the same thing the same way and
 * in words a support lead uses (not "interim", "filler", "DTMF", "HTTP 503"). Call parties are in
 * call-labels.ts, call states in call-state.ts; this holds the rest.
 */
import type { TranscriptTurn } from '../../src-preload/contract'

export const WORDS = {
  /** An agent line said while the turn stays open (AgentPhone's "interim"). */
  moreToCome: 'more to come',
  moreToComeWhy: 'Said at once; the caller’s turn stays open for the rest of the answer.',
  /** The line said at once while someone types (the "filler"). */
  holdingLine: 'Holding line',
  keypad: 'Keypad',
  keypadWhy: 'Presses phone keys on the call (touch tones), for example to get through a phone menu.',
  sayNow: 'Say now, keep turn open',
  sayNowWhy:
    'The caller hears it at once and the turn stays open for your answer. It does not stop the countdown: the fallback line still speaks when it runs out.',
  fallbackOnly: 'The fallback line, at once',
  fallbackOnlyWhy: 'Every turn of this call is answered at once with the fallback line from Settings; nobody types.',
  whoAnswers: 'Who answers the caller',
  conversationDetails: 'Conversation details',
  conversationDetailsWhy: 'What the agent remembers about this conversation; it goes with every text to your agent’s server.',
  webhookTimeout: 'How long AgentPhone waits for an answer (seconds)',
  deadlineMargin: 'Fallback speaks this early (seconds)',
  firstReply: 'Answered in'
} as const

/** "1 conversation", "2 conversations", "0 agents"; `many` for irregular plurals. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/** What a source tag on an agent's line says: who or what said it. */
export function sourceWord(line: Pick<TranscriptTurn, 'source' | 'model'>, simulated: boolean): string | null {
  switch (line.source) {
    case 'filler':
      return 'holding line'
    case 'human':
      return 'you'
    case 'fallback':
      return 'fallback line'
    case 'hosted':
      return simulated ? 'AI (simulated)' : 'AI'
    case 'greeting':
      return 'greeting'
    case 'copilot':
      return `autopilot · ${line.model ?? 'model'}`
    default:
      return null
  }
}

/** Below this, what the caller said may be misheard, and the line says so. */
export const SURE_ENOUGH = 0.8

/** Speech recognition's confidence, as a warning only when it matters ("may be misheard"). */
export function hearingWord(confidence: number | undefined): string | null {
  if (confidence === undefined) return null
  const share = confidence <= 1 ? confidence : confidence / 100
  return share < SURE_ENOUGH ? `may be misheard (${Math.round(share * 100)}% sure)` : null
}

/** Keys as people say them: "1 2 #" reads "pressed 1, 2, #". */
export function keysWord(digits: string): string {
  return `pressed ${[...digits.replace(/[wW]/g, '')].join(', ')}`
}

const STATUS_WORDS: Record<number, string> = {
  400: 'the request was refused',
  401: 'the API key was refused',
  402: 'the balance is too low',
  403: 'this account may not do that',
  404: 'it was not found',
  408: 'it took too long',
  409: 'it clashes with something that exists',
  413: 'it is too large',
  422: 'some details were refused',
  429: 'too many requests: wait a moment',
  500: 'AgentPhone had a problem',
  502: 'AgentPhone could not be reached',
  503: 'AgentPhone is unavailable for now',
  504: 'AgentPhone took too long'
}

/** An HTTP status in words, the number kept in brackets for a support ticket: "AgentPhone is unavailable for now (503)". */
export function statusWords(status: number): string {
  const word = STATUS_WORDS[status] ?? (status >= 500 ? 'AgentPhone had a problem' : status >= 400 ? 'it was refused' : status >= 200 && status < 300 ? 'OK' : 'unexpected answer')
  return `${word} (${status})`
}

/**
 * A webhook server's answer in words (Switchboard's receiver, or the server a scenario or resend
 * reached): the same numbers as AgentPhone's, but nothing here is AgentPhone's doing.
 */
export function answerWords(status: number): string {
  const word =
    status >= 200 && status < 300 ? 'OK'
    : status === 401 || status === 403 ? 'refused: not allowed'
    : status === 404 ? 'nothing at that address'
    : status === 408 || status === 504 ? 'too slow'
    : status === 413 ? 'too large'
    : status === 429 ? 'too many requests'
    : status >= 500 ? 'the server had a problem'
    : status >= 400 ? 'refused'
    : 'unexpected answer'
  return `${word} (${status})`
}

/** A refusal of a send, with the status in words when there is one. */
export function notSent(message: string, status?: number | null): string {
  return status ? `Not sent — ${statusWords(status)}: ${message}` : `Not sent: ${message}`
}
