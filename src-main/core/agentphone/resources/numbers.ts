import type { z } from 'zod'
import type { HttpClient, RequestOptions } from '../http'
import { seg } from '../http'
import type { ListAllOptions } from '../pager'
import { listAll } from '../pager'
import type { ApiCallList, ApiNumber } from '../schemas'
import { CallListSchema, NumberListSchema, NumberReleasedSchema, NumberSchema } from '../schemas'
import type { ApiNumberMessageList } from '../schemas-messaging'
import { NumberMessageListSchema } from '../schemas-messaging'
import type { Paging } from './agents'

/** Time-cursor paging of message lists: `limit` (default 50, ≤ 200), `before` / `after` (ISO times). */
export interface MessagePaging {
  limit?: number
  before?: string
  after?: string
}

export interface BuyNumberInput {
  /** `US` (default) or `CA`. */
  country?: string
  /** Exactly three digits. */
  areaCode?: string
  /** Attach to this agent on purchase. */
  agentId?: string
}

/** `/v1/numbers…` (agentphone-api.md §2.3). */
export class NumbersResource {
  constructor(private readonly http: HttpClient) {}

  /** Buys a number ($3/month). Never retried: a retry could buy two. */
  buy(input: BuyNumberInput = {}, opts: RequestOptions = {}): Promise<ApiNumber> {
    return this.http.json({ ...opts, method: 'POST', path: '/v1/numbers', body: input }, NumberSchema)
  }

  /** One page of non-released numbers: `{data, hasMore, total}`. */
  list(paging: Paging = {}, opts: RequestOptions = {}): Promise<z.output<typeof NumberListSchema>> {
    return this.http.json({ ...opts, method: 'GET', path: '/v1/numbers', query: { ...paging } }, NumberListSchema)
  }

  /** Every active number, following `hasMore`. */
  listAll(options: ListAllOptions = {}): Promise<ApiNumber[]> {
    return listAll((paging, opts) => this.list(paging, opts), options)
  }

  /** A number, released ones included. */
  get(numberId: string, opts: RequestOptions = {}): Promise<ApiNumber> {
    return this.http.json({ ...opts, method: 'GET', path: `/v1/numbers/${seg(numberId)}` }, NumberSchema)
  }

  /** Releases a number: irreversible (the UI confirms first). */
  release(numberId: string, opts: RequestOptions = {}): Promise<z.output<typeof NumberReleasedSchema>> {
    return this.http.json({ ...opts, method: 'DELETE', path: `/v1/numbers/${seg(numberId)}` }, NumberReleasedSchema)
  }

  /** The number's message log: `{data, hasMore}` (no total). */
  messages(numberId: string, paging: MessagePaging = {}, opts: RequestOptions = {}): Promise<ApiNumberMessageList> {
    const spec = { ...opts, method: 'GET' as const, path: `/v1/numbers/${seg(numberId)}/messages`, query: { ...paging } }
    return this.http.json(spec, NumberMessageListSchema)
  }

  calls(numberId: string, paging: Paging = {}, opts: RequestOptions = {}): Promise<ApiCallList> {
    return this.http.json({ ...opts, method: 'GET', path: `/v1/numbers/${seg(numberId)}/calls`, query: { ...paging } }, CallListSchema)
  }
}
