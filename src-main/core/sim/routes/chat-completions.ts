/**
 * `POST /v1/chat/completions`: the sandbox's simulated model, OpenAI-compatible (streamed SSE
 * chunks or one JSON answer), so the copilot drafts and answers with no account, through the same
 * SDK code path a real model takes. Not part of AgentPhone's API: the simulator hosts it because it
 * is the sandbox's one local server. Errors use OpenAI's `{"error": {...}}` shape.
 */
import { z } from 'zod'
import { answerChunks, SSE_HEADERS } from '../../copilot/completion-chunks'
import { SIMULATED_MODEL } from '../../copilot/copilot-settings'
import { simulatedAnswer, streamPieces } from '../../copilot/simulated-model'
import type { SimRuntime } from '../context'
import type { Router } from '../router'
import { HANDLED, Reply } from '../router'

const Body = z.object({
  model: z.string(),
  messages: z.array(z.looseObject({ role: z.string(), content: z.unknown().optional() })).min(1),
  stream: z.boolean().optional(),
  tools: z.array(z.looseObject({ function: z.looseObject({ name: z.string() }).optional() })).optional()
})

let nextId = 1

function openAiError(status: number, message: string, code: string | null = null): Reply {
  return new Reply(status, { error: { message, type: 'invalid_request_error', param: null, code } })
}

export function chatCompletionRoutes(r: Router, rt: SimRuntime): void {
  r.post('/v1/chat/completions', ({ body: raw, res }) => {
    const parsed = Body.safeParse(raw)
    if (!parsed.success) return openAiError(400, `Invalid request: ${parsed.error.issues[0]?.message ?? 'bad body'}`)
    const body = parsed.data
    if (body.model !== SIMULATED_MODEL) {
      return openAiError(404, `The model \`${body.model}\` does not exist. The sandbox serves only \`${SIMULATED_MODEL}\`.`, 'model_not_found')
    }
    const tools = new Set((body.tools ?? []).map((t) => t.function?.name).filter((n): n is string => typeof n === 'string'))
    const answer = simulatedAnswer(body.messages, tools)
    const id = `chatcmpl-sim-${nextId++}`
    if (body.stream) {
      // Written at once, piece by piece: deterministic, and as quick as a stand-in should be.
      res.writeHead(200, SSE_HEADERS)
      res.end(answerChunks(id, SIMULATED_MODEL, { pieces: streamPieces(answer.text), ...(answer.tool ? { tool: answer.tool } : {}) }).join(''))
      return HANDLED
    }
    const call = answer.tool ? { id: `call_${id}`, type: 'function', function: answer.tool } : null
    return {
      id,
      object: 'chat.completion',
      created: Math.floor(rt.clock.now() / 1000),
      model: SIMULATED_MODEL,
      choices: [{ index: 0, message: { role: 'assistant', content: answer.text, refusal: null, ...(call ? { tool_calls: [call] } : {}) }, logprobs: null, finish_reason: call ? 'tool_calls' : 'stop' }],
      usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 }
    }
  })
}
