import OpenAI from 'openai'

/** The part of the official SDK the copilot uses: streamed chat completions. */
export type ChatClient = Pick<OpenAI, 'chat'>

/** Hands out a client for a base URL and key; the session passes {@link openAiConnector}, tests may pass their own. */
export type ConnectChat = (endpoint: { baseURL: string; apiKey: string }) => ChatClient

/** Clients kept per endpoint: each holds a connection pool worth reusing between turns. */
const MAX_CLIENTS = 4

/**
 * The official `openai` SDK pointed at any OpenAI-compatible server. No retries: a turn lasts
 * seconds, a retry after backoff would land after the deadline, and the person is the retry. The
 * SDK's own logging is off; the copilot logs what it needs, never the key.
 */
export function openAiConnector(): ConnectChat {
  const clients = new Map<string, ChatClient>()
  return ({ baseURL, apiKey }) => {
    const id = `${baseURL}\n${apiKey}`
    let client = clients.get(id)
    if (!client) {
      if (clients.size >= MAX_CLIENTS) clients.delete(clients.keys().next().value as string)
      client = new OpenAI({ baseURL, apiKey, maxRetries: 0, timeout: 60_000, logLevel: 'off' })
      clients.set(id, client)
    }
    return client
  }
}
