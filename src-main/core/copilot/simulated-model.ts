/**
 * The sandbox's built-in "model": deterministic rules, so a demo or a test can predict every word,
 * and plain about being simulated. The simulator serves it as an OpenAI-compatible endpoint, so the
 * copilot reaches it through the same SDK path as a real model.
 */
import { TOOL_DIGITS, TOOL_HANGUP, TOOL_TRANSFER } from './call-context'

export interface SimulatedAnswer {
  text: string
  tool?: { name: string; arguments: string }
}

type Message = { role?: unknown; content?: unknown }

const TRANSFER = /\b(transfer|operator|human|real person|representative|speak to (?:a|someone))\b/i
const GOODBYE = /\b(bye|goodbye|that'?s all|hang up)\b/i
const PRESS = /\b(?:press|dial|extension)\s+([0-9*#]{1,16})\b/i

/** The text of the newest message from the caller (or texter). */
function lastUserText(messages: readonly Message[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]
    if (m?.role === 'user' && typeof m.content === 'string') return m.content.trim()
  }
  return ''
}

function quoted(words: string): string {
  const clipped = words.length > 80 ? `${words.slice(0, 77).trimEnd()}…` : words
  return `"${clipped}"`
}

/** The answer to a request with these messages, using only the tools the request offered. */
export function simulatedAnswer(messages: readonly Message[], toolNames: ReadonlySet<string>): SimulatedAnswer {
  const words = lastUserText(messages)
  if (toolNames.has(TOOL_TRANSFER) && TRANSFER.test(words)) {
    return { text: 'Of course. I am transferring you to a colleague now.', tool: { name: TOOL_TRANSFER, arguments: '{}' } }
  }
  if (toolNames.has(TOOL_HANGUP) && GOODBYE.test(words)) {
    return { text: 'Thank you for calling. Goodbye!', tool: { name: TOOL_HANGUP, arguments: '{}' } }
  }
  const press = PRESS.exec(words)?.[1]
  if (toolNames.has(TOOL_DIGITS) && press) {
    return { text: `Pressing ${press.split('').join(' ')} for you.`, tool: { name: TOOL_DIGITS, arguments: JSON.stringify({ digits: press }) } }
  }
  if (!words) return { text: 'Hello! How can I help you today?' }
  return { text: `Thanks for asking about ${quoted(words)}. Let me help you with that right away.` }
}

/** The answer cut into the pieces a real model streams, spaces kept, so drafts visibly grow. */
export function streamPieces(text: string): string[] {
  return text.match(/\S+\s*/g) ?? []
}
