/**
 * Response shapes for agents, numbers, calls and usage (agentphone-api.md §2.1–§2.3, §2.6).
 * Every object is a looseObject so new server fields pass through; only what Switchboard reads is
 * required. Optional-or-null fields use `nullish` because sources disagree on which are omitted.
 */
import { z } from 'zod'
import { foldToPairs, normalizeTurns } from './transcript-turn'

const str = z.string()
const nstr = z.string().nullish()
const nnum = z.number().nullish()
/** Accepts null or absence and hands on `undefined`, for fields the bridge contract types as optional strings. */
export const optStr = z
  .string()
  .nullish()
  .transform((v) => v ?? undefined)
/** Accepts absence and hands on `null`, for fields the bridge contract types as `string | null`. */
export const nullStr = z
  .string()
  .nullish()
  .transform((v) => v ?? null)

/** `{data, hasMore, total}`: numbers, calls, conversations (docs warn `total` may be absent). */
export const offsetPage = <T extends z.ZodType>(item: T) =>
  z.looseObject({ data: z.array(item), hasMore: z.boolean(), total: z.number().optional() })

/** `{data, hasMore}`: the message lists, paged by time cursor; no `total`. */
export const cursorPage = <T extends z.ZodType>(item: T) => z.looseObject({ data: z.array(item), hasMore: z.boolean() })

/** `{success: true, …}`. A 2xx with an empty body (204) reads as `{}`, which is still success. */
export const SuccessSchema = z.looseObject({ success: z.boolean().default(true) })
export type ApiSuccess = z.output<typeof SuccessSchema>

// --- agents -----------------------------------------------------------------------------------

export const AgentNumberSchema = z.looseObject({ id: str, phoneNumber: str, status: optStr, type: optStr })
export type ApiAgentNumber = z.output<typeof AgentNumberSchema>

export const AgentSchema = z.looseObject({
  id: str,
  name: str,
  description: nstr,
  voiceMode: z.enum(['webhook', 'hosted']),
  systemPrompt: nstr,
  beginMessage: nstr,
  voice: optStr,
  transferNumber: nstr,
  createdAt: optStr,
  numbers: z.array(AgentNumberSchema).nullish()
})
export type ApiAgent = z.output<typeof AgentSchema>

/** `GET /v1/agents` is the odd one out: `{data, total}` with no `hasMore`. */
export const AgentListSchema = z.looseObject({ data: z.array(AgentSchema), total: z.number() })
export type ApiAgentList = z.output<typeof AgentListSchema>

export const AgentDeletedSchema = z.looseObject({ success: z.boolean().default(true), id: nstr, name: nstr })

export const AttachNumberSchema = z.looseObject({ agentId: str, number: AgentNumberSchema })
export type ApiAttachResult = z.output<typeof AttachNumberSchema>

/** Voices are snake_case today; older docs used `{voiceId, name}` — both read as the current form. */
const VoiceWire = z.looseObject({
  voice_id: z.string().optional(),
  voiceId: z.string().optional(),
  voice_name: z.string().optional(),
  name: z.string().optional(),
  provider: optStr,
  gender: nstr,
  accent: nstr,
  preview_audio_url: nstr
})
export const VoiceSchema = VoiceWire.refine((v) => (v.voice_id ?? v.voiceId) !== undefined, 'voice_id is missing').transform((v) => ({
  ...v,
  voice_id: v.voice_id ?? v.voiceId ?? '',
  voice_name: v.voice_name ?? v.name ?? v.voice_id ?? v.voiceId ?? ''
}))
export type ApiVoice = z.output<typeof VoiceSchema>
export const VoiceListSchema = z.looseObject({ data: z.array(VoiceSchema) })

// --- numbers ----------------------------------------------------------------------------------

export const NumberSchema = z.looseObject({
  id: str,
  phoneNumber: str,
  country: optStr,
  status: str,
  type: optStr,
  agentId: nullStr,
  createdAt: optStr
})
export type ApiNumber = z.output<typeof NumberSchema>
export const NumberListSchema = offsetPage(NumberSchema)

export const NumberReleasedSchema = z.looseObject({ success: z.boolean().default(true), phoneNumber: nstr, status: nstr })

// --- calls ------------------------------------------------------------------------------------

export const CallSchema = z.looseObject({
  id: str,
  agentId: nstr,
  phoneNumberId: nstr,
  phoneNumber: nstr,
  fromNumber: nstr,
  toNumber: nstr,
  direction: nstr,
  status: str,
  startedAt: nstr,
  endedAt: nstr,
  durationSeconds: nnum,
  lastTranscriptSnippet: nstr,
  recordingUrl: nstr,
  recordingAvailable: z.boolean().nullish()
})
export type ApiCall = z.output<typeof CallSchema>
export const CallListSchema = offsetPage(CallSchema)
export type ApiCallList = z.output<typeof CallListSchema>

/** One stored exchange: the caller's words in `transcript`, the agent's answer in `response`. */
export const CallTranscriptEntrySchema = z.looseObject({
  id: nstr,
  transcript: nstr,
  response: nstr,
  confidence: nnum,
  createdAt: nstr
})

/**
 * Call detail. `transcripts` is read in either shape (pairs, or `{role, content}` turns) and handed
 * on as pairs; `turns` is the same transcript as ordered caller/agent lines.
 */
export const CallDetailSchema = CallSchema.extend({ transcripts: z.array(z.unknown()).nullish() }).transform((call) => {
  const raw = call.transcripts ?? []
  return { ...call, transcripts: z.array(CallTranscriptEntrySchema).parse(foldToPairs(raw)), turns: normalizeTurns(raw) }
})
export type ApiCallDetail = z.output<typeof CallDetailSchema>

/** `POST /v1/calls/{id}/end`: the current call (OAS) or `{id, status: "ending"}` (REST-md). */
export const CallEndSchema = z.looseObject({ id: str, status: str })

// --- usage ------------------------------------------------------------------------------------

/** `plan.limits` (§9.2): present in the OpenAPI shape, dropped by some builds, so every field is optional. */
const PlanLimitsSchema = z.looseObject({ numbers: nnum, messagesPerMonth: nnum, voiceMinutesPerMonth: nnum, maxCallDurationMinutes: nnum, concurrentCalls: nnum })

export const UsageSchema = z.looseObject({
  plan: z.looseObject({ name: nstr, limits: PlanLimitsSchema.nullish() }).nullish(),
  numbers: z.looseObject({ used: nnum, limit: nnum, remaining: nnum }).nullish(),
  stats: z.record(z.string(), z.unknown()).nullish(),
  periodStart: nstr,
  periodEnd: nstr
})
export type ApiUsage = z.output<typeof UsageSchema>

/** Older builds sent `voiceMinutes` where newer ones send `webhooks`: a missing `webhooks` reads as 0. */
const usagePoint = {
  messages: z.number(),
  calls: z.number(),
  webhooks: z
    .number()
    .nullish()
    .transform((v) => v ?? 0),
  voiceMinutes: nnum
}
export const DailyUsageSchema = z.looseObject({ data: z.array(z.looseObject({ date: str, ...usagePoint })), days: nnum })
export type ApiDailyUsage = z.output<typeof DailyUsageSchema>
export const MonthlyUsageSchema = z.looseObject({ data: z.array(z.looseObject({ month: str, ...usagePoint })), months: nnum })
export type ApiMonthlyUsage = z.output<typeof MonthlyUsageSchema>

export const UsageByNumberSchema = z.looseObject({
  data: z.array(z.looseObject({ numberId: nstr, phoneNumber: nstr, agentId: nstr, agentName: nstr, messages: nnum, calls: nnum }))
})
export const UsageByAgentSchema = z.looseObject({
  data: z.array(z.looseObject({ agentId: nstr, agentName: nstr, messages: nnum, calls: nnum, totalSeconds: nnum })),
  period: nstr,
  periodStart: nstr,
  periodEnd: nstr
})
