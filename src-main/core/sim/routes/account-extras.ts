/**
 * The account-level extras the SDK exposes (agentphone-api.md §2.9): sub-accounts, A2P 10DLC
 * registration, and the location lookup. The simulator keeps them as records so a client can
 * exercise each call; nothing here reaches a carrier.
 */
import { z } from 'zod'
import { newestFirst } from '../account'
import type { SimRuntime } from '../context'
import { HttpError, parseWith } from '../http-errors'
import { isoNow, newId, normalizePhone } from '../ids'
import type { Router } from '../router'
import { offsetPaging, page } from '../router'
import type { SubAccountRec } from '../types'

/** The one-time registration fee the real API deducts from the balance. */
const REGISTRATION_FEE_CENTS = 2500

const Name = z.object({ name: z.string().min(1).max(200) })

const USE_CASES = ['account_notification', 'customer_care', 'delivery_notification', 'fraud_alert', 'higher_education', 'marketing', 'polling_voting', 'public_service_announcement', 'security_alert', 'two_factor_authentication'] as const

const RegistrationBody = z
  .object({
    registration_type: z.enum(['sole_proprietor', 'standard_brand']),
    first_name: z.string().min(1),
    last_name: z.string().min(1),
    email: z.email(),
    phone_number: z.string().min(1),
    business_name: z.string().nullable().optional(),
    organization_type: z.string().nullable().optional(),
    ein: z.string().nullable().optional(),
    privacy_policy_url: z.string().nullable().optional(),
    terms_of_service_url: z.string().nullable().optional(),
    street_address: z.string().min(1),
    city: z.string().min(1),
    state: z.string().min(1),
    zip_code: z.string().min(1),
    description: z.string().min(1),
    use_cases: z.array(z.enum(USE_CASES)).min(1),
    message_samples: z.array(z.string().min(1)).min(1),
    consent_flow: z.string().min(1),
    opt_in_image_url: z.url({ protocol: /^https$/ }),
    create_sub_account: z.boolean().default(true)
  })
  .refine((b) => b.registration_type !== 'standard_brand' || Boolean(b.business_name && b.organization_type && b.ein && b.privacy_policy_url && b.terms_of_service_url), {
    message: 'standard_brand needs business_name, organization_type, ein, privacy_policy_url and terms_of_service_url',
    path: ['registration_type']
  })

const subAccountOut = (s: SubAccountRec): Record<string, unknown> => ({ ...s })

export function accountExtraRoutes(r: Router, rt: SimRuntime): void {
  r.get('/v1/sub-accounts', ({ account, query }) => {
    const list = newestFirst(account.subAccounts.values(), (s) => s.createdAt).map(subAccountOut)
    return page(list, offsetPaging({ offset: query.offset ?? '0', ...(query.limit ? { limit: query.limit } : {}) }))
  })

  r.post('/v1/sub-accounts', ({ account, body }) => {
    const sub: SubAccountRec = { id: newId('sub_'), name: parseWith(Name, body ?? {}).name, createdAt: isoNow(rt.clock) }
    account.subAccounts.set(sub.id, sub)
    return subAccountOut(sub)
  })

  r.patch('/v1/sub-accounts/:subAccountId', ({ account, params, body }) => {
    const sub = account.subAccounts.get(params.subAccountId!)
    if (!sub) throw new HttpError(404, 'Sub-account not found')
    sub.name = parseWith(Name, body ?? {}).name
    return subAccountOut(sub)
  })

  r.delete('/v1/sub-accounts/:subAccountId', ({ account, params }) => {
    if (!account.subAccounts.delete(params.subAccountId!)) throw new HttpError(404, 'Sub-account not found')
    return { success: true, id: params.subAccountId }
  })

  r.get('/v1/register/status', ({ account }) => account.registration ?? { campaign_status: 'none', message: 'No registration submitted.', stage: null })

  // Carrier review takes 7–10 business days for real; the simulator leaves it pending.
  r.post('/v1/register', ({ account, body }) => {
    const b = parseWith(RegistrationBody, body ?? {})
    if (account.balanceCents < REGISTRATION_FEE_CENTS) throw new HttpError(402, 'Insufficient balance: registration costs $25.00.')
    account.balanceCents -= REGISTRATION_FEE_CENTS
    const sub: SubAccountRec | null = b.create_sub_account ? { id: newId('sub_'), name: `${b.first_name} ${b.last_name} (10DLC)`, createdAt: isoNow(rt.clock) } : null
    if (sub) account.subAccounts.set(sub.id, sub)
    account.registration = { campaign_status: 'pending', message: 'Registration is under review.', stage: 'brand_review' }
    return { ok: true, message: 'Registration submitted. Carrier approval typically takes 7-10 business days.', campaign_status: 'pending', sub_account_id: sub?.id ?? null, fee_cents: REGISTRATION_FEE_CENTS }
  })

  // Location needs a device fix the simulator does not have: it always answers `unavailable`.
  r.get('/v1/location/:phoneNumber', ({ params }) => ({
    phoneNumber: normalizePhone(params.phoneNumber!),
    latitude: null,
    longitude: null,
    status: 'unavailable',
    lastUpdated: Math.floor(rt.clock.now() / 1000)
  }))

  r.post('/v1/location/refresh', () => ({ success: true, pollAfterSeconds: 20 }))
}
