/**
 * `/v1/contacts…` (agentphone-api.md §2.8, §9.3): a phone number is unique per account (409 on a
 * duplicate), `search` matches name or number case-insensitively, create answers 201 and delete 204.
 * Saved contacts then appear as `contact` on message and call payloads.
 */
import { z } from 'zod'
import { newestFirst } from '../account'
import type { Account } from '../account'
import type { SimRuntime } from '../context'
import { HttpError, parseWith } from '../http-errors'
import { isE164, isoNow, newId, normalizePhone } from '../ids'
import { isImessageRecipient } from '../messaging'
import type { Router } from '../router'
import { Reply, offsetPaging, page } from '../router'
import type { ContactRec } from '../types'

const phone = z
  .string()
  .min(1)
  .max(40)
  .transform(normalizePhone)
  .refine(isE164, 'phoneNumber must be a phone number in E.164 format')
const fields = {
  phoneNumber: phone,
  name: z.string().min(1).max(200),
  email: z.email().max(320).nullable().optional(),
  notes: z.string().max(5000).nullable().optional()
}
const CreateBody = z.object(fields)
const UpdateBody = z.object(fields).partial()

function refuseDuplicate(account: Account, phoneNumber: string, except?: string): void {
  for (const c of account.contacts.values()) {
    if (c.phoneNumber === phoneNumber && c.id !== except) throw new HttpError(409, `A contact with phone number ${phoneNumber} already exists`)
  }
}

export function contactOut(c: ContactRec): Record<string, unknown> {
  return { ...c }
}

export function contactRoutes(r: Router, rt: SimRuntime): void {
  r.get('/v1/contacts', ({ account, query }) => {
    const { search } = parseWith(z.object({ search: z.string().max(200).optional() }), { search: query.search }, 'query')
    const needle = search?.trim().toLowerCase() ?? ''
    const digits = needle.replace(/\D/g, '')
    const list = newestFirst(account.contacts.values(), (c) => c.createdAt).filter(
      (c) => !needle || c.name.toLowerCase().includes(needle) || (digits !== '' && c.phoneNumber.includes(digits))
    )
    return page(list.map(contactOut), offsetPaging(query, 50, 200))
  })

  r.post('/v1/contacts', ({ account, body }) => {
    const b = parseWith(CreateBody, body ?? {})
    refuseDuplicate(account, b.phoneNumber)
    const at = isoNow(rt.clock)
    const contact: ContactRec = { id: newId('ct_'), phoneNumber: b.phoneNumber, name: b.name, email: b.email ?? null, notes: b.notes ?? null, createdAt: at, updatedAt: at }
    account.contacts.set(contact.id, contact)
    return new Reply(201, contactOut(contact))
  })

  // A live check in the real API (1–2 s); here: email addresses are iMessage-only, numbers SMS-only.
  r.get('/v1/contacts/capabilities', ({ query }) => {
    const { phone_number } = parseWith(z.object({ phone_number: z.string().min(1).max(320) }), { phone_number: query.phone_number }, 'query')
    const imessage = isImessageRecipient(phone_number)
    const id = imessage ? phone_number : normalizePhone(phone_number)
    if (!imessage && !isE164(id)) throw new HttpError(422, [{ loc: ['query', 'phone_number'], msg: 'phone_number must be a phone number', type: 'value_error' }])
    return { phoneNumber: id, capabilities: { imessage, sms: !imessage }, checkedAt: isoNow(rt.clock) }
  })

  r.get('/v1/contacts/:contactId', ({ account, params }) => contactOut(account.contact(params.contactId!)))

  r.patch('/v1/contacts/:contactId', ({ account, params, body }) => {
    const contact = account.contact(params.contactId!)
    const b = parseWith(UpdateBody, body ?? {})
    if (b.phoneNumber !== undefined) refuseDuplicate(account, b.phoneNumber, contact.id)
    if (b.phoneNumber !== undefined) contact.phoneNumber = b.phoneNumber
    if (b.name !== undefined) contact.name = b.name
    if (b.email !== undefined) contact.email = b.email
    if (b.notes !== undefined) contact.notes = b.notes
    contact.updatedAt = isoNow(rt.clock)
    return contactOut(contact)
  })

  r.delete('/v1/contacts/:contactId', ({ account, params }) => {
    account.contacts.delete(account.contact(params.contactId!).id)
    return new Reply(204, undefined)
  })
}
