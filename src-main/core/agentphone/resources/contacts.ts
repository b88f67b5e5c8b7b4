import { z } from 'zod'
import type { HttpClient, RequestOptions } from '../http'
import { seg } from '../http'
import { normalizePhone } from '../phone'
import { SuccessSchema, offsetPage } from '../schemas'
import type { ApiSuccess } from '../schemas'

export const ContactSchema = z.looseObject({
  id: z.string(),
  phoneNumber: z.string(),
  name: z.string(),
  email: z.string().nullish(),
  notes: z.string().nullish(),
  createdAt: z.string().nullish(),
  updatedAt: z.string().nullish()
})
export type ApiContact = z.output<typeof ContactSchema>
export const ContactListSchema = offsetPage(ContactSchema)
export type ApiContactList = z.output<typeof ContactListSchema>

export interface ContactInput {
  /** Any format; normalised to E.164 before it is sent. */
  phoneNumber: string
  name: string
  email?: string | null
  notes?: string | null
}

/** `/v1/contacts…` (agentphone-api.md §2.8, §9.3): a phone number is unique per account (409). */
export class ContactsResource {
  constructor(private readonly http: HttpClient) {}

  /** One page, newest first; `search` matches a name or number, case-insensitively. */
  list(query: { limit?: number; offset?: number; search?: string } = {}, opts: RequestOptions = {}): Promise<ApiContactList> {
    return this.http.json({ ...opts, method: 'GET', path: '/v1/contacts', query: { ...query } }, ContactListSchema)
  }

  create(input: ContactInput, opts: RequestOptions = {}): Promise<ApiContact> {
    const body = { ...input, phoneNumber: normalizePhone(input.phoneNumber) }
    return this.http.json({ ...opts, method: 'POST', path: '/v1/contacts', body }, ContactSchema)
  }

  get(contactId: string, opts: RequestOptions = {}): Promise<ApiContact> {
    return this.http.json({ ...opts, method: 'GET', path: `/v1/contacts/${seg(contactId)}` }, ContactSchema)
  }

  /** Only the fields given change. */
  update(contactId: string, patch: Partial<ContactInput>, opts: RequestOptions = {}): Promise<ApiContact> {
    const body = patch.phoneNumber !== undefined ? { ...patch, phoneNumber: normalizePhone(patch.phoneNumber) } : patch
    return this.http.json({ ...opts, method: 'PATCH', path: `/v1/contacts/${seg(contactId)}`, body, idempotent: true }, ContactSchema)
  }

  /** 204 on success (read as `{success: true}`). */
  delete(contactId: string, opts: RequestOptions = {}): Promise<ApiSuccess> {
    return this.http.json({ ...opts, method: 'DELETE', path: `/v1/contacts/${seg(contactId)}` }, SuccessSchema)
  }
}
