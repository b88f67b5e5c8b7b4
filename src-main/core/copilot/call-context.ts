import type { ChatCompletionFunctionTool, ChatCompletionMessageParam } from 'openai/resources/chat/completions'
import type { TranscriptTurn } from '../../../src-preload/contract'

/** Lines of the call sent with each request: enough context, bounded cost and latency. */
const MAX_LINES = 40
/** Characters of the agent's prompt sent; a prompt past this is cut (and the model told so). */
const MAX_PROMPT_CHARS = 6000

/** What the model is told about a call: the README's "what is sent to the model" lists these. */
export interface CallFacts {
  agentName: string | null
  systemPrompt: string | null
  beginMessage: string | null
  /** Whether the agent has a transfer number: without one, transfer is not offered as a tool. */
  canTransfer: boolean
  callerNumber: string
  lines: readonly TranscriptTurn[]
  /** What the caller just said: the turn being answered. */
  utterance: string
  quickReplies: readonly string[]
}

export interface SmsFacts {
  agentName: string | null
  systemPrompt: string | null
  contactNumber: string
  /** The thread so far, oldest first, ending with the message being answered. */
  history: ReadonlyArray<{ direction: 'inbound' | 'outbound'; body: string }>
  quickReplies: readonly string[]
}

export const TOOL_TRANSFER = 'transfer_call'
export const TOOL_HANGUP = 'hang_up'
export const TOOL_DIGITS = 'send_digits'

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)} […cut]` : text
}

function agentBlock(name: string | null, prompt: string | null): string[] {
  return [
    name ? `You speak for the agent "${name}".` : 'You speak for a phone agent.',
    prompt ? `The agent's instructions:\n"""\n${clip(prompt.trim(), MAX_PROMPT_CHARS)}\n"""` : 'The agent has no written instructions: be brief, polite and helpful.'
  ]
}

function quickBlock(replies: readonly string[]): string[] {
  if (replies.length === 0) return []
  return [`Lines the operator often uses (use one when it fits):\n${replies.map((r) => `- ${r}`).join('\n')}`]
}

/** The system message and the call so far, caller lines as the user and agent lines as the assistant. */
export function voiceMessages(f: CallFacts): ChatCompletionMessageParam[] {
  const system = [
    ...agentBlock(f.agentName, f.systemPrompt),
    'You are on a live phone call. Write only the words the agent says next: one to three short spoken sentences, no markdown, no lists, no stage directions.',
    f.beginMessage ? `The agent greets callers with: "${f.beginMessage}"` : '',
    `The caller's number is ${f.callerNumber || 'unknown'}.`,
    ...quickBlock(f.quickReplies),
    'Use a tool only when the caller asks for it or it is clearly right: transfer to a person, hang up after saying goodbye, or press keys on a phone menu.'
  ].filter(Boolean)
  const messages: ChatCompletionMessageParam[] = [{ role: 'system', content: system.join('\n\n') }]
  // Filler and fallback lines are the console's, not the agent's words: they would only teach the model to stall.
  const said = f.lines.filter((l) => l.text && !l.interim && l.source !== 'filler' && l.source !== 'fallback').slice(-MAX_LINES)
  for (const line of said) messages.push({ role: line.speaker === 'caller' ? 'user' : 'assistant', content: line.text })
  const last = said.at(-1)
  if (f.utterance && !(last?.speaker === 'caller' && last.text === f.utterance)) messages.push({ role: 'user', content: f.utterance })
  return messages
}

export function smsMessages(f: SmsFacts): ChatCompletionMessageParam[] {
  const system = [
    ...agentBlock(f.agentName, f.systemPrompt),
    `You are answering a text message from ${f.contactNumber || 'an unknown number'}. Write only the reply: short, plain text, no markdown.`,
    ...quickBlock(f.quickReplies)
  ]
  return [
    { role: 'system', content: system.join('\n\n') },
    ...f.history.slice(-MAX_LINES).map((m): ChatCompletionMessageParam => ({ role: m.direction === 'inbound' ? 'user' : 'assistant', content: m.body }))
  ]
}

function tool(name: string, description: string, properties: Record<string, unknown> = {}, required: string[] = []): ChatCompletionFunctionTool {
  return { type: 'function', function: { name, description, parameters: { type: 'object', properties, required, additionalProperties: false } } }
}

/** The actions a voice reply supports, as tools. Transfer only when the agent has somewhere to transfer to. */
export function voiceTools(f: Pick<CallFacts, 'canTransfer'>): ChatCompletionFunctionTool[] {
  return [
    ...(f.canTransfer ? [tool(TOOL_TRANSFER, "Transfer the caller to a person (the agent's transfer number). Say a short line first.")] : []),
    tool(TOOL_HANGUP, 'End the call right after your reply is spoken. Only after saying goodbye.'),
    tool(TOOL_DIGITS, 'Press keys on the phone line, e.g. to get through a phone menu.', { digits: { type: 'string', description: 'Keys to press: 0-9, * and #; w waits half a second.', pattern: '^[0-9*#wW]{1,64}$' } }, ['digits'])
  ]
}
