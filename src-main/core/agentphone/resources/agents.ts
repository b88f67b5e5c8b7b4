import type { z } from 'zod'
import type { HttpClient, RequestOptions } from '../http'
import { seg } from '../http'
import type { ListAllOptions } from '../pager'
import { listAll } from '../pager'
import type { ApiAgent, ApiAgentList, ApiAttachResult, ApiCallList, ApiSuccess, ApiVoice } from '../schemas'
import { AgentDeletedSchema, AgentListSchema, AgentSchema, AttachNumberSchema, CallListSchema, SuccessSchema, VoiceListSchema } from '../schemas'
import type { ApiConversationList } from '../schemas-messaging'
import { ConversationListSchema } from '../schemas-messaging'

/** Offset paging: `limit` (server default 20, ≤ 100) and `offset`. */
export interface Paging {
  limit?: number
  offset?: number
}

/**
 * Fields of `POST /v1/agents` / `PATCH /v1/agents/{id}` (camelCase on the wire). Only the common
 * ones are named; any other documented field (modelTier, sttMode, customTools…) passes through.
 */
export interface AgentInput {
  name?: string
  description?: string | null
  voiceMode?: 'webhook' | 'hosted'
  systemPrompt?: string | null
  beginMessage?: string | null
  voice?: string
  transferNumber?: string | null
  [field: string]: unknown
}

/** `/v1/agents…` (agentphone-api.md §2.2). */
export class AgentsResource {
  constructor(private readonly http: HttpClient) {}

  /** One page: `{data, total}` — this endpoint has no `hasMore`. */
  list(paging: Paging = {}, opts: RequestOptions = {}): Promise<ApiAgentList> {
    return this.http.json({ ...opts, method: 'GET', path: '/v1/agents', query: { ...paging } }, AgentListSchema)
  }

  /** Every agent, following pages until `offset + items >= total` (this list has no `hasMore`). */
  listAll(options: ListAllOptions = {}): Promise<ApiAgent[]> {
    return listAll((paging, opts) => this.list(paging, opts), options)
  }

  /** Creates an agent. Not retried automatically: a retry could create two. */
  create(input: AgentInput & { name: string }, opts: RequestOptions = {}): Promise<ApiAgent> {
    return this.http.json({ ...opts, method: 'POST', path: '/v1/agents', body: input }, AgentSchema)
  }

  get(agentId: string, opts: RequestOptions = {}): Promise<ApiAgent> {
    return this.http.json({ ...opts, method: 'GET', path: `/v1/agents/${seg(agentId)}` }, AgentSchema)
  }

  /** Partial update: only the fields present change. */
  update(agentId: string, patch: AgentInput, opts: RequestOptions = {}): Promise<ApiAgent> {
    return this.http.json({ ...opts, method: 'PATCH', path: `/v1/agents/${seg(agentId)}`, body: patch }, AgentSchema)
  }

  /** Deletes the agent; its numbers, calls and conversations stay, unassigned. */
  delete(agentId: string, opts: RequestOptions = {}): Promise<z.output<typeof AgentDeletedSchema>> {
    return this.http.json({ ...opts, method: 'DELETE', path: `/v1/agents/${seg(agentId)}` }, AgentDeletedSchema)
  }

  /** Every voice an agent can use: `{data}`, items always snake_case `voice_id`/`voice_name`. */
  voices(opts: RequestOptions = {}): Promise<{ data: ApiVoice[] }> {
    return this.http.json({ ...opts, method: 'GET', path: '/v1/agents/voices' }, VoiceListSchema)
  }

  attachNumber(agentId: string, numberId: string, opts: RequestOptions = {}): Promise<ApiAttachResult> {
    const spec = { ...opts, method: 'POST' as const, path: `/v1/agents/${seg(agentId)}/numbers`, body: { numberId }, idempotent: true }
    return this.http.json(spec, AttachNumberSchema)
  }

  detachNumber(agentId: string, numberId: string, opts: RequestOptions = {}): Promise<ApiSuccess> {
    return this.http.json({ ...opts, method: 'DELETE', path: `/v1/agents/${seg(agentId)}/numbers/${seg(numberId)}` }, SuccessSchema)
  }

  calls(agentId: string, paging: Paging = {}, opts: RequestOptions = {}): Promise<ApiCallList> {
    return this.http.json({ ...opts, method: 'GET', path: `/v1/agents/${seg(agentId)}/calls`, query: { ...paging } }, CallListSchema)
  }

  conversations(agentId: string, paging: Paging = {}, opts: RequestOptions = {}): Promise<ApiConversationList> {
    const spec = { ...opts, method: 'GET' as const, path: `/v1/agents/${seg(agentId)}/conversations`, query: { ...paging } }
    return this.http.json(spec, ConversationListSchema)
  }
}
