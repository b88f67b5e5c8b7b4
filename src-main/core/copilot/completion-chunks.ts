/**
 * The wire form of a streamed chat completion (OpenAI's `chat.completion.chunk` server-sent
 * events), written by the servers that stand in for a model: the sandbox's simulated model and the
 * fakes of the tests and the benchmark.
 */

export interface ScriptedAnswer {
  /** What the model says, in the pieces it streams. */
  pieces: readonly string[]
  tool?: { name: string; arguments: string }
  refusal?: string
}

export function completionChunk(id: string, model: string, delta: Record<string, unknown>, finish: string | null = null): string {
  const body = { id, object: 'chat.completion.chunk', created: 0, model, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] }
  return `data: ${JSON.stringify(body)}\n\n`
}

/** Every event of an answer, in order, ending with `data: [DONE]`. */
export function answerChunks(id: string, model: string, answer: ScriptedAnswer): string[] {
  const out = [completionChunk(id, model, { role: 'assistant', content: '' })]
  for (const piece of answer.pieces) out.push(completionChunk(id, model, { content: piece }))
  if (answer.refusal) out.push(completionChunk(id, model, { refusal: answer.refusal }))
  if (answer.tool) {
    const call = { index: 0, id: `call_${id}`, type: 'function', function: { name: answer.tool.name, arguments: answer.tool.arguments } }
    out.push(completionChunk(id, model, { tool_calls: [call] }))
  }
  out.push(completionChunk(id, model, {}, answer.tool ? 'tool_calls' : 'stop'))
  out.push('data: [DONE]\n\n')
  return out
}

export const SSE_HEADERS = { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', Connection: 'keep-alive' } as const
