import type { Logger } from '../ports'
import { silentLogger } from '../ports'
import { HttpClient } from './http'
import type { Sleep } from './retry'
import { defaultSleep } from './retry'
import { AgentsResource } from './resources/agents'
import { CallsResource } from './resources/calls'
import { ContactsResource } from './resources/contacts'
import { ConversationsResource } from './resources/conversations'
import { MessagesResource } from './resources/messages'
import { NumbersResource } from './resources/numbers'
import { UsageResource } from './resources/usage'
import { AgentWebhooksResource, WebhooksResource } from './resources/webhooks'

/** The host of the vendor's current SDK, MCP server and OpenAPI (agentphone-api.md §9.1). */
export const DEFAULT_BASE_URL = 'https://api.agentphone.ai'

export interface AgentPhoneClientOptions {
  /** Default `https://api.agentphone.ai`; the older `https://api.agentphone.to` and the simulator work too. One trailing slash is dropped. */
  baseUrl?: string
  /** Sent as `Authorization: Bearer …`; never logged and never part of an error. */
  apiKey: string
  /** Per attempt, headers and body; default 30 000. */
  timeoutMs?: number
  /** Automatic retries of safe requests (GET, DELETE, marked upserts); default 2. */
  maxRetries?: number
  /** Injected in tests; default the global fetch. */
  fetch?: typeof fetch
  /** Waits between retries; injected in tests to record delays instead of waiting. */
  sleep?: Sleep
  logger?: Logger
  /** 0..1 randomness for backoff jitter; default Math.random. */
  random?: () => number
  /** First backoff delay (ms) before jitter; default 500. */
  retryBaseMs?: number
  /** Largest backoff delay (ms) before jitter; default 8 000. */
  retryMaxMs?: number
  /** Longest `Retry-After` waited out automatically; longer ones surface as errors. Default 60. */
  maxRetryAfterSeconds?: number
}

/**
 * Typed client for the AgentPhone REST API (agentphone-api.md §2). Plain Node: no Electron.
 * Every method takes an optional `{signal}` last and rejects with `ApiError` (or CoreError
 * 'invalid_number' for a bad phone number, before any request is made).
 */
export class AgentPhoneClient {
  readonly usage: UsageResource
  readonly agents: AgentsResource
  readonly numbers: NumbersResource
  readonly calls: CallsResource
  readonly messages: MessagesResource
  readonly conversations: ConversationsResource
  readonly contacts: ContactsResource
  readonly webhooks: WebhooksResource
  readonly agentWebhooks: AgentWebhooksResource
  /** The transport, for callers that need a raw request (tests, new endpoints). */
  readonly http: HttpClient

  constructor(options: AgentPhoneClientOptions) {
    const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis)
    this.http = new HttpClient({
      baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
      apiKey: options.apiKey,
      timeoutMs: options.timeoutMs ?? 30_000,
      maxRetries: options.maxRetries ?? 2,
      fetch: fetchImpl,
      sleep: options.sleep ?? defaultSleep,
      logger: options.logger ?? silentLogger,
      random: options.random ?? Math.random,
      retryBaseMs: options.retryBaseMs ?? 500,
      retryMaxMs: options.retryMaxMs ?? 8_000,
      maxRetryAfterSeconds: options.maxRetryAfterSeconds ?? 60
    })
    this.usage = new UsageResource(this.http)
    this.agents = new AgentsResource(this.http)
    this.numbers = new NumbersResource(this.http)
    this.calls = new CallsResource(this.http)
    this.messages = new MessagesResource(this.http)
    this.conversations = new ConversationsResource(this.http)
    this.contacts = new ContactsResource(this.http)
    this.webhooks = new WebhooksResource(this.http)
    this.agentWebhooks = new AgentWebhooksResource(this.http)
  }

  get baseUrl(): string {
    return this.http.baseUrl
  }
}
