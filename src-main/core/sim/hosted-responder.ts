/**
 * The stand-in for AgentPhone's built-in LLM on hosted-mode calls: deterministic, so tests and
 * demos can predict every word, and honest that it is simulated.
 */

export interface HostedReply {
  text: string
  hangup: boolean
}

export interface HostedPersona {
  name: string
  systemPrompt: string | null
}

const GOODBYE = /\b(bye|goodbye|hang up)\b/i

/** The first sentence of the prompt, short enough to speak, so replies show which prompt ran. */
export function promptGist(systemPrompt: string | null): string | null {
  if (!systemPrompt) return null
  const first = systemPrompt.trim().split(/(?<=[.!?])\s/)[0] ?? ''
  const clipped = first.length > 80 ? `${first.slice(0, 77).trimEnd()}...` : first
  return clipped.replace(/[.!?]+$/, '') || null
}

/** Greeting when the call connects: the configured line, else a fixed one naming the agent. */
export function hostedGreeting(persona: HostedPersona, beginMessage: string | null): string {
  return beginMessage ?? `Hello, you've reached ${persona.name}. How can I help?`
}

/** The reply to one caller utterance. Saying goodbye ends the call, as a real agent would. */
export function hostedReply(persona: HostedPersona, utterance: string): HostedReply {
  const words = utterance.trim()
  if (GOODBYE.test(words)) {
    return { text: `Thanks for calling ${persona.name}. Goodbye! (This is a simulated reply.)`, hangup: true }
  }
  const gist = promptGist(persona.systemPrompt)
  const role = gist ? ` My instructions say: "${gist}".` : ''
  return { text: `You said: "${words}".${role} This is a simulated reply from ${persona.name}.`, hangup: false }
}

/** The reply to key presses. */
export function hostedDigitsReply(persona: HostedPersona, digits: string): HostedReply {
  return { text: `You pressed ${digits}. This is a simulated reply from ${persona.name}.`, hangup: false }
}
