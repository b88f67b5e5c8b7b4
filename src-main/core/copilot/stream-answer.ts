import type { ChatCompletionFunctionTool, ChatCompletionMessageParam } from 'openai/resources/chat/completions'
import type { CopilotAction } from '../../../src-preload/contract'
import { TOOL_DIGITS, TOOL_HANGUP, TOOL_TRANSFER } from './call-context'
import type { ChatClient } from './chat-client'

/** A reply is at most what `turns.reply` takes; a model that runs on is cut there. */
export const MAX_ANSWER_CHARS = 4000
const DIGITS = /^[0-9*#wW]{1,64}$/

export interface AnswerRequest {
  model: string
  messages: ChatCompletionMessageParam[]
  tools?: ChatCompletionFunctionTool[]
}

/** What one streamed completion came to. */
export interface Answer {
  text: string
  action?: CopilotAction
  /** The model's refusal text, or why it stopped (a content filter). */
  refusal?: string
}

type PartialCall = { name: string; args: string }

/**
 * Streams one chat completion through the SDK, calling `onText` with the whole text so far on
 * every new piece, and gathers the tool call (if any) into an action. Aborting `signal` makes the
 * SDK throw; a stream that simply ends early answers with what came.
 */
export async function streamAnswer(client: ChatClient, request: AnswerRequest, signal: AbortSignal, onText: (text: string) => void): Promise<Answer> {
  const stream = await client.chat.completions.create(
    { model: request.model, messages: request.messages, stream: true, ...(request.tools?.length ? { tools: request.tools } : {}) },
    { signal }
  )
  let text = ''
  let refusal = ''
  let filtered = false
  const calls = new Map<number, PartialCall>()
  for await (const chunk of stream) {
    const choice = chunk.choices?.[0]
    if (!choice) continue
    const delta = choice.delta ?? {}
    if (typeof delta.content === 'string' && delta.content && text.length < MAX_ANSWER_CHARS) {
      // Models open with a newline or two; the caller hears nothing of it and the box should not show it.
      text = (text + delta.content).trimStart().slice(0, MAX_ANSWER_CHARS)
      if (text) onText(text)
    }
    if (typeof delta.refusal === 'string') refusal += delta.refusal
    for (const call of delta.tool_calls ?? []) {
      const known = calls.get(call.index) ?? { name: '', args: '' }
      known.name += call.function?.name ?? ''
      known.args += call.function?.arguments ?? ''
      calls.set(call.index, known)
    }
    if (choice.finish_reason === 'content_filter') filtered = true
  }
  const answer: Answer = { text: text.trim() }
  const action = toAction([...calls.values()])
  if (action) answer.action = action
  if (refusal.trim()) answer.refusal = refusal.trim()
  else if (filtered) answer.refusal = 'the server stopped the answer with its content filter'
  return answer
}

/** The first tool call that names a known action with valid arguments; anything else is ignored. */
function toAction(calls: PartialCall[]): CopilotAction | undefined {
  for (const call of calls) {
    if (call.name === TOOL_TRANSFER) return { type: 'transfer' }
    if (call.name === TOOL_HANGUP) return { type: 'hangup' }
    if (call.name === TOOL_DIGITS) {
      const digits = parseDigits(call.args)
      if (digits) return { type: 'digits', digits }
    }
  }
  return undefined
}

function parseDigits(args: string): string | null {
  try {
    const parsed: unknown = JSON.parse(args || '{}')
    const digits = parsed && typeof parsed === 'object' ? (parsed as { digits?: unknown }).digits : undefined
    return typeof digits === 'string' && DIGITS.test(digits) ? digits : null
  } catch {
    return null // a model that wrote broken JSON proposes nothing rather than the wrong keys
  }
}
