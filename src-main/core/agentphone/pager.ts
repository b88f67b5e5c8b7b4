/**
 * Following offset-paged lists to the end (agentphone-api.md §1.6). Most lists say `hasMore`;
 * `GET /v1/agents` only says `total`, so both stop rules are applied.
 */
import type { RequestOptions } from './http'

/** Any offset-paged answer: `{data, hasMore, total}`, `{data, total}` or `{data, hasMore}`. */
export interface OffsetPage<T> {
  data: T[]
  hasMore?: boolean
  total?: number
}

export interface ListAllOptions extends RequestOptions {
  /** Items asked for per request (the API's maximum is 100). */
  pageSize?: number
  /** Stops after this many items, so a misbehaving server cannot loop forever. */
  maxItems?: number
}

export type PageFetcher<T> = (paging: { limit: number; offset: number }, opts: RequestOptions) => Promise<OffsetPage<T>>

/**
 * Yields each page's items in turn. Stops when `hasMore` is false; when the answer has no `hasMore`,
 * when `offset + items >= total`; and always on an empty page. The next offset is the current one
 * plus the items actually returned, since a server may answer fewer than asked.
 */
export async function* paginate<T>(fetchPage: PageFetcher<T>, options: ListAllOptions = {}): AsyncGenerator<T[]> {
  const limit = options.pageSize ?? 100
  const maxItems = options.maxItems ?? 10_000
  const opts: RequestOptions = options.signal ? { signal: options.signal } : {}
  let offset = 0
  while (offset < maxItems) {
    const page = await fetchPage({ limit, offset }, opts)
    const items = page.data.slice(0, maxItems - offset)
    if (items.length > 0) yield items
    offset += page.data.length
    if (page.data.length === 0) return
    if (page.hasMore !== undefined ? !page.hasMore : page.total === undefined || offset >= page.total) return
  }
}

/**
 * Every item of an offset-paged list, e.g. `listAll((p, o) => client.agents.list(p, o))`.
 * Each page is a separate request with the client's retries; a failure rejects the whole call.
 */
export async function listAll<T>(fetchPage: PageFetcher<T>, options: ListAllOptions = {}): Promise<T[]> {
  const all: T[] = []
  for await (const items of paginate(fetchPage, options)) all.push(...items)
  return all
}
