import type { HttpClient, RequestOptions } from '../http'
import { seg } from '../http'
import type { ListAllOptions } from '../pager'
import { listAll } from '../pager'
import type { ApiConversation, ApiConversationDetail, ApiConversationList, ApiConversationMessageList } from '../schemas-messaging'
import { ConversationDetailSchema, ConversationListSchema, ConversationMessageListSchema } from '../schemas-messaging'
import type { Paging } from './agents'
import type { MessagePaging } from './numbers'

export interface ConversationUpdate {
  /** Replaces the whole stored object (null clears it); webhooks deliver it as `conversationState`. */
  metadata?: Record<string, unknown> | null
  /** iMessage groups only. */
  groupName?: string
}

/** `/v1/conversations…` (agentphone-api.md §2.5). */
export class ConversationsResource {
  constructor(private readonly http: HttpClient) {}

  /** One page, most recent activity first: `{data, hasMore, total}`. */
  list(paging: Paging = {}, opts: RequestOptions = {}): Promise<ApiConversationList> {
    return this.http.json({ ...opts, method: 'GET', path: '/v1/conversations', query: { ...paging } }, ConversationListSchema)
  }

  /** Every conversation, following `hasMore`. */
  listAll(options: ListAllOptions = {}): Promise<ApiConversation[]> {
    return listAll((paging, opts) => this.list(paging, opts), options)
  }

  /** A conversation with its latest `messageLimit` messages (server default 50, 1–100). */
  get(conversationId: string, query: { messageLimit?: number } = {}, opts: RequestOptions = {}): Promise<ApiConversationDetail> {
    const spec = { ...opts, method: 'GET' as const, path: `/v1/conversations/${seg(conversationId)}`, query: { message_limit: query.messageLimit } }
    return this.http.json(spec, ConversationDetailSchema)
  }

  /**
   * Updates metadata and/or the group name; only fields sent are touched. Marked idempotent (and so
   * retried like a GET): it replaces values, so sending it twice leaves the same state.
   */
  update(conversationId: string, update: ConversationUpdate, opts: RequestOptions = {}): Promise<ApiConversationDetail> {
    const body: Record<string, unknown> = {}
    if (update.metadata !== undefined) body.metadata = update.metadata
    if (update.groupName !== undefined) body.group_name = update.groupName
    const spec = { ...opts, method: 'PATCH' as const, path: `/v1/conversations/${seg(conversationId)}`, body, idempotent: true }
    return this.http.json(spec, ConversationDetailSchema)
  }

  /** Messages by time cursor: `{data, hasMore}` (no total). */
  messages(conversationId: string, paging: MessagePaging = {}, opts: RequestOptions = {}): Promise<ApiConversationMessageList> {
    const spec = { ...opts, method: 'GET' as const, path: `/v1/conversations/${seg(conversationId)}/messages`, query: { ...paging } }
    return this.http.json(spec, ConversationMessageListSchema)
  }
}
