import type { HttpClient, RequestOptions } from '../http'
import { normalizePhone, normalizeRecipient } from '../phone'
import type { ApiSentMessage } from '../schemas-messaging'
import { SentMessageSchema } from '../schemas-messaging'

/** What Switchboard sends; mapped to the endpoint's snake_case body. */
export interface SendMessageInput {
  /** A phone number in any format (normalised to E.164), or a `grp_…` group id, email or short code. */
  toNumber: string
  /** May be empty only when `mediaUrls` is given. */
  body: string
  /** Sender selectors, lowest to highest priority: agent, number, exact from-number. */
  agentId?: string
  numberId?: string
  fromNumber?: string
  /** 1–20 public HTTPS URLs. */
  mediaUrls?: string[]
  /** iMessage only. */
  sendStyle?: string
  replyToMessageId?: string
}

/** `POST /v1/messages` (agentphone-api.md §2.4). */
export class MessagesResource {
  constructor(private readonly http: HttpClient) {}

  /**
   * Sends an SMS/MMS/iMessage. The recipient is normalised before anything is sent (CoreError
   * 'invalid_number' otherwise). Never retried automatically: a retry can text someone twice.
   */
  send(input: SendMessageInput, opts: RequestOptions = {}): Promise<ApiSentMessage> {
    const body: Record<string, unknown> = { to_number: normalizeRecipient(input.toNumber), body: input.body }
    if (input.agentId !== undefined) body.agent_id = input.agentId
    if (input.numberId !== undefined) body.number_id = input.numberId
    if (input.fromNumber !== undefined) body.from_number = normalizePhone(input.fromNumber)
    if (input.mediaUrls !== undefined) body.media_urls = input.mediaUrls
    if (input.sendStyle !== undefined) body.send_style = input.sendStyle
    if (input.replyToMessageId !== undefined) body.reply_to_message_id = input.replyToMessageId
    return this.http.json({ ...opts, method: 'POST', path: '/v1/messages', body }, SentMessageSchema)
  }
}
