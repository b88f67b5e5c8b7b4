/**
 * Response shapes for messages and conversations (agentphone-api.md §2.3–§2.5). The send endpoint
 * answers in snake_case; it is mapped to camelCase here so the rest of the core sees one style.
 */
import { z } from 'zod'
import { cursorPage, offsetPage } from './schemas'

const str = z.string()
const nstr = z.string().nullish()

export const ConversationSchema = z.looseObject({
  id: str,
  agentId: nstr,
  phoneNumberId: nstr,
  phoneNumber: nstr,
  participant: nstr,
  isGroup: z.boolean().nullish(),
  groupName: nstr,
  lastMessageAt: nstr,
  lastMessagePreview: nstr,
  messageCount: z
    .number()
    .nullish()
    .transform((v) => v ?? undefined),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  createdAt: nstr
})
export type ApiConversation = z.output<typeof ConversationSchema>
export const ConversationListSchema = offsetPage(ConversationSchema)
export type ApiConversationList = z.output<typeof ConversationListSchema>

/** A message inside a conversation (`MessageInConversation`). */
export const ConversationMessageSchema = z.looseObject({
  id: str,
  body: z.string().nullish().transform((b) => b ?? ''),
  fromNumber: nstr,
  toNumber: nstr,
  direction: str,
  senderIdentifier: nstr,
  channel: nstr,
  mediaUrl: nstr,
  mediaUrls: z.array(z.string()).nullish(),
  receivedAt: nstr
})
export type ApiConversationMessage = z.output<typeof ConversationMessageSchema>
export const ConversationMessageListSchema = cursorPage(ConversationMessageSchema)
export type ApiConversationMessageList = z.output<typeof ConversationMessageListSchema>

/** Detail = summary + embedded messages. PATCH answers the same, though MCP types it without `messages`. */
export const ConversationDetailSchema = ConversationSchema.extend({
  messages: z
    .array(ConversationMessageSchema)
    .nullish()
    .transform((m) => m ?? [])
})
export type ApiConversationDetail = z.output<typeof ConversationDetailSchema>

/** A message on a number's log. The OAS model spells it `from_`; the wire uses `from` — accept both. */
export const NumberMessageSchema = z
  .looseObject({
    id: str,
    from: z.string().optional(),
    from_: z.string().optional(),
    to: str,
    body: z.string().nullish().transform((b) => b ?? ''),
    direction: str,
    channel: nstr,
    receivedAt: nstr
  })
  .refine((m) => (m.from ?? m.from_) !== undefined, { message: 'from is missing', path: ['from'] })
  .transform(({ from_, ...m }) => ({ ...m, from: m.from ?? from_ ?? '' }))
export type ApiNumberMessage = z.output<typeof NumberMessageSchema>
export const NumberMessageListSchema = cursorPage(NumberMessageSchema)
export type ApiNumberMessageList = z.output<typeof NumberMessageListSchema>

/**
 * `POST /v1/messages` answer, kept in the endpoint's own snake_case (like every other answer, the
 * wire shape is handed on as is).
 */
export const SentMessageSchema = z.looseObject({
  id: str,
  status: z.string().default('sent'),
  channel: z.string().default('sms'),
  from_number: str,
  to_number: str,
  conversation_id: nstr,
  media_urls: z.array(z.string()).nullish(),
  reply_to_message_id: nstr,
  reply_parent_unresolved: z.boolean().nullish()
})
export type ApiSentMessage = z.output<typeof SentMessageSchema>
