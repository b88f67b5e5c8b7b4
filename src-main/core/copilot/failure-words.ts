import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai'

/** Where a request went, to name it in the words below. */
export interface FailureContext {
  baseURL: string
  model: string
}

/** The server's own message, without the SDK's "404 " prefix, shortened to one readable line. */
function serverMessage(err: APIError): string {
  const body = err.error as { message?: unknown } | undefined
  const raw = typeof body?.message === 'string' ? body.message : err.message.replace(/^\d{3}\s*/, '')
  const line = raw.replace(/\s+/g, ' ').trim()
  return line.length > 200 ? `${line.slice(0, 197)}…` : line
}

function connectionCause(err: APIConnectionError): string {
  const cause = (err as { cause?: { code?: unknown; cause?: { code?: unknown } } }).cause
  const code = cause?.code ?? cause?.cause?.code
  if (code === 'ECONNREFUSED') return 'nothing is listening there (connection refused). Is the server running?'
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'that host name does not resolve. Check the URL.'
  if (code === 'ECONNRESET') return 'the server dropped the connection.'
  return 'no answer came back.'
}

/**
 * What went wrong with a model request, in words a person can act on: which of unreachable, a
 * refused key, an unknown model, a rate limit or a failing server it was. Never includes the key.
 */
export function describeFailure(err: unknown, ctx: FailureContext): string {
  if (err instanceof APIConnectionTimeoutError) return `The model server at ${ctx.baseURL} did not answer in time.`
  if (err instanceof APIConnectionError) return `Could not reach the model server at ${ctx.baseURL}: ${connectionCause(err)}`
  if (err instanceof APIError && err.status !== undefined) {
    const said = serverMessage(err)
    const detail = said ? ` It said: "${said}"` : ''
    switch (true) {
      case err.status === 401:
        return `The model server refused the key (401). Check the key in Settings › Copilot.${detail}`
      case err.status === 403:
        return `The key may not use the model "${ctx.model}" (403).${detail}`
      case err.status === 404 && /model/i.test(said):
        return `The server does not know the model "${ctx.model}" (404). Check the model name (for Ollama: pull it first).${detail}`
      case err.status === 404:
        return `Nothing answers at ${ctx.baseURL}/chat/completions (404). For Ollama, LM Studio and vLLM the base URL ends in /v1.`
      case err.status === 400 && /model/i.test(said):
        return `The server does not accept the model "${ctx.model}" (400).${detail}`
      case err.status === 429:
        return `The model server is rate-limiting or out of quota (429): try again shortly, or check the plan.${detail}`
      case err.status >= 500:
        return `The model server failed (${err.status}).${detail}`
      default:
        return `The model server refused the request (${err.status}).${detail}`
    }
  }
  if (err instanceof Error) return `The model request failed: ${err.message}`
  return 'The model request failed.'
}
