/**
 * Webhook configuration shapes (agentphone-api.md §2.7). The OpenAPI file and the MCP client
 * disagree on test results and delivery lists (§7 #6, #7); both variants are read and normalised to
 * the OpenAPI form, so callers see one shape whichever server answered.
 */
import { z } from 'zod'

const str = z.string()
const nstr = z.string().nullish()
const nnum = z.number().nullish()

export const WebhookSchema = z.looseObject({
  id: str,
  url: str,
  /** `whsec_…`, regenerated on every create/update: store it from the response. */
  secret: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  status: nstr,
  contextLimit: nnum,
  timeout: nnum,
  createdAt: nstr
})
export type ApiWebhook = z.output<typeof WebhookSchema>

/** `GET …/webhook(s)` answers JSON `null` (or an empty body) when none is configured. */
export const MaybeWebhookSchema = z
  .union([WebhookSchema, z.null(), z.strictObject({})])
  .transform((w) => (w !== null && 'id' in w ? (w as ApiWebhook) : null))

/** Docs: `{success, httpStatus, errorMessage}`; MCP: `{success, statusCode, responseMs, error}`. */
export const WebhookTestSchema = z
  .looseObject({
    success: z.boolean(),
    httpStatus: nnum,
    statusCode: nnum,
    errorMessage: nstr,
    error: z.union([z.string(), z.looseObject({ message: nstr })]).nullish(),
    responseMs: nnum
  })
  .transform((t) => ({
    success: t.success,
    httpStatus: t.httpStatus ?? t.statusCode ?? null,
    errorMessage: t.errorMessage ?? (typeof t.error === 'string' ? t.error : (t.error?.message ?? null)),
    responseMs: t.responseMs ?? null
  }))
export type ApiWebhookTestResult = z.output<typeof WebhookTestSchema>

/** A delivery record, OAS names first, MCP names (`event`, `statusCode`, `deliveredAt`) folded in. */
export const DeliverySchema = z
  .looseObject({
    id: str,
    messageId: nstr,
    eventType: nstr,
    event: nstr,
    channel: nstr,
    status: nstr,
    success: z.boolean().nullish(),
    httpStatus: nnum,
    statusCode: nnum,
    errorMessage: nstr,
    responseBody: nstr,
    attemptCount: nnum,
    lastAttemptAt: nstr,
    nextRetryAt: nstr,
    createdAt: nstr,
    deliveredAt: nstr,
    responseMs: nnum
  })
  .transform(({ event, statusCode, deliveredAt, ...d }) => ({
    ...d,
    eventType: d.eventType ?? event ?? null,
    httpStatus: d.httpStatus ?? statusCode ?? null,
    status: d.status ?? (d.success === true ? 'delivered' : d.success === false ? 'failed' : null),
    createdAt: d.createdAt ?? deliveredAt ?? null
  }))
export type ApiDelivery = z.output<typeof DeliverySchema>

/** Project deliveries: `{items, total, offset, limit}` (OAS), or MCP's `{data, hasMore, total}`. */
export const DeliveryPageSchema = z.union([
  z.looseObject({ items: z.array(DeliverySchema), total: z.number(), offset: z.number(), limit: z.number() }).transform((p) => ({
    items: p.items,
    total: p.total,
    offset: p.offset as number | undefined,
    limit: p.limit as number | undefined
  })),
  z.looseObject({ data: z.array(DeliverySchema), total: z.number().optional(), hasMore: z.boolean().optional() }).transform((p) => ({
    items: p.data,
    total: p.total ?? p.data.length,
    offset: undefined,
    limit: undefined
  }))
])

/** One page of project deliveries, always in the OAS shape. */
export interface ApiDeliveryPage {
  items: ApiDelivery[]
  total: number
  offset: number
  limit: number
}

/** Agent deliveries: a bare array (OAS), or an envelope (MCP): always answered as an array. */
export const AgentDeliveriesSchema = z.union([
  z.array(DeliverySchema),
  z.looseObject({ items: z.array(DeliverySchema) }).transform((p) => p.items),
  z.looseObject({ data: z.array(DeliverySchema) }).transform((p) => p.data)
])

export const DeliveryStatsSchema = z.looseObject({
  total: z.number(),
  success: z.number(),
  failed: z.number(),
  pending: nnum,
  successRate: nnum,
  byEventType: z.record(z.string(), z.record(z.string(), z.number())).nullish(),
  byHour: z.array(z.record(z.string(), z.unknown())).nullish()
})
export type ApiDeliveryStats = z.output<typeof DeliveryStatsSchema>
