/**
 * The rest of the official SDK's surface, each method driven against the simulator and its answer
 * held to the SDK's typed shape: web calls, recordings, the transcript stream, contacts, contact
 * cards, tapbacks, typing and chat backgrounds, location, registration and sub-accounts. With the
 * walk and sdk-sweep.test.ts, every method the SDK has is exercised.
 */
import type { AgentPhone, AgentPhoneClient as SdkClient } from 'agentphone'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Env } from './harness'
import { API_KEY, startEnv } from './harness'
import { expectEachShape, expectShape } from './shape'
import { CALL_SUMMARY } from './shapes-sweep'
import { BACKGROUND, CAMPAIGN_STATUS, CONTACT, CONTACT_CAPABILITIES, CONTACT_CARD, LOCATION, LOCATION_REFRESH, PLAN, PLAN_LIMITS, REACTION, REGISTRATION, TYPING } from './shapes-extras'

let env: Env
let sdk: SdkClient
let agentId = ''
let numberId = ''
let phoneNumber = ''

/** The SDK reads every answer as JSON; a body that is not JSON comes back as `{ok: false, error: {rawBody}}`. */
const rawBodyOf = (data: unknown): string => ((data as { error?: { rawBody?: string } }).error?.rawBody ?? '')

beforeAll(async () => {
  env = await startEnv({ calleePaceMs: 5 })
  sdk = env.sdk({ maxRetries: 0 })
  agentId = (await sdk.agents.createAgent({ name: 'Extras', voiceMode: 'hosted', systemPrompt: 'Be brief.' })).id
  const number = await sdk.numbers.createNumber({ agentId })
  numberId = number.id
  phoneNumber = number.phoneNumber
})
afterAll(() => env.stop())

describe('SDK sweep, the rest of the surface', () => {
  it('usage: plan.limits as the SDK types it', async () => {
    const usage = await sdk.usage.getUsage()
    expectShape(usage.plan, PLAN, 'plan')
    expectShape(usage.plan.limits, PLAN_LIMITS, 'plan.limits')
    expect(usage.plan.limits.numbers).toBe(usage.numbers.limit)
  })

  it('calls: a web call, then a finished call’s recording and its transcript stream', async () => {
    const web = (await sdk.calls.createWebCall({ agentId })) as { accessToken: string; callId: string }
    expect(web.accessToken).toMatch(/\S{16,}/)
    const listed = (await sdk.calls.listCalls({ type: 'web' })) as { data: unknown[] }
    expectEachShape(listed.data, CALL_SUMMARY, 'web call')
    expect(listed.data).toEqual([expect.objectContaining({ id: web.callId, direction: 'web', status: 'ringing' })])
    const { callId } = env.sim.sandbox.dial(API_KEY, { to: phoneNumber, from: '+14155550142' })
    await env.sim.sandbox.say(API_KEY, callId, 'Is it open?')
    env.sim.sandbox.hangup(API_KEY, callId)
    const calls = (await sdk.calls.listCallsForNumber({ number_id: numberId })) as { data: unknown[] }
    expectEachShape(calls.data, CALL_SUMMARY, 'call')

    const { data, rawResponse } = await sdk.calls.getCallRecording({ call_id: callId }).withRawResponse()
    expect(rawResponse.status).toBe(200)
    expect(rawResponse.headers.get('content-type')).toBe('audio/wav')
    expect(rawBodyOf(data).slice(0, 4)).toBe('RIFF')

    const stream = rawBodyOf(await sdk.calls.streamCallTranscript({ call_id: callId }))
    const events = [...stream.matchAll(/^event: (\w+)$/gm)].map((m) => m[1])
    expect(events).toEqual(['connected', 'turn', 'turn', 'ended'])
    const ended = JSON.parse(/event: ended\ndata: (.*)\n/.exec(stream)?.[1] ?? '{}') as Record<string, unknown>
    expect(ended).toMatchObject({ callId, status: 'completed', durationSeconds: expect.any(Number), endedAt: expect.any(String) })
  })

  it('contacts: create, capabilities, get, update, list, delete', async () => {
    const created = await sdk.contacts.createContact({ phoneNumber: '+14155550142', name: 'Ada', email: 'ada@example.com' })
    expectShape(created, CONTACT, 'contact')
    const caps = await sdk.contacts.getContactCapabilities({ phone_number: '+14155550142' })
    expectShape(caps, CONTACT_CAPABILITIES, 'capabilities')
    expect(caps.capabilities).toEqual({ imessage: false, sms: true })
    expect(await sdk.contacts.getContact({ contact_id: created.id })).toEqual(created)
    const updated = await sdk.contacts.updateContact({ contact_id: created.id, notes: 'VIP' })
    expect(updated).toMatchObject({ id: created.id, notes: 'VIP' })
    const list = await sdk.contacts.listContacts({ limit: 10 })
    expectEachShape(list.data, CONTACT, 'contact')
    expect(list).toMatchObject({ total: 1, hasMore: false })
    await sdk.contacts.deleteContact({ contact_id: created.id })
    expect((await sdk.contacts.listContacts()).total).toBe(0)
  })

  it('iMessage extras: a tapback, typing, a chat background, a contact card', async () => {
    const sent = await sdk.messages.sendMessage({ number_id: numberId, to_number: 'ada@example.com', body: 'Hi Ada' })
    expect(sent.channel).toBe('imessage')
    const tap = await sdk.messages.sendReaction({ message_id: sent.id, reaction: 'love' })
    expectShape(tap, REACTION, 'reaction')
    const conversation_id = sent.conversation_id ?? ''
    expectShape(await sdk.conversations.sendTypingIndicator({ conversation_id }), TYPING, 'typing')
    const bg = await sdk.conversations.setChatBackground({ conversation_id, image_url: 'https://example.com/bg.png' })
    expectShape(bg, BACKGROUND, 'background')
    expect(bg).toMatchObject({ hasBackground: true, changed: true, backgroundVersion: 1 })
    expect((await sdk.conversations.setChatBackground({ conversation_id, image_url: 'https://example.com/bg.png' })).changed).toBe(false)
    await sdk.conversations.removeChatBackground({ conversation_id })

    const card = await sdk.contactCards.putContactCard({ number_id: numberId, firstName: 'Front', lastName: 'Desk', displayName: 'Front Desk' })
    expectShape(card, CONTACT_CARD, 'contact card')
    expect(await sdk.contactCards.getContactCard({ number_id: numberId })).toEqual({ firstName: 'Front', lastName: 'Desk', displayName: 'Front Desk', hasAvatar: false })
    await sdk.contactCards.deleteContactCard({ number_id: numberId })
    expect((await sdk.contactCards.getContactCard({ number_id: numberId })).displayName).toBeNull()
  })

  it('location, registration and sub-accounts', async () => {
    expectShape(await sdk.location.getLocation({ phone_number: phoneNumber }), LOCATION, 'location')
    expectShape(await sdk.location.refreshLocations(), LOCATION_REFRESH, 'refresh')
    const none = await sdk.registration.getRegistrationStatus()
    expectShape(none, CAMPAIGN_STATUS, 'status')
    expect(none.campaign_status).toBe('none')
    const request: AgentPhone.RegistrationRequest = {
      registration_type: 'sole_proprietor',
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: 'ada@example.com',
      phone_number: '+14155550142',
      street_address: '1 Main St',
      city: 'San Francisco',
      state: 'CA',
      zip_code: '94105',
      description: 'Appointment reminders',
      use_cases: ['account_notification'],
      message_samples: ['Your appointment is tomorrow at 10.'],
      consent_flow: 'Customers opt in on the booking form.',
      opt_in_image_url: 'https://example.com/opt-in.png'
    }
    const registered = await sdk.registration.registerA2P(request)
    expectShape(registered, REGISTRATION, 'registration')
    expect(registered).toMatchObject({ ok: true, campaign_status: 'pending', fee_cents: 2500 })
    expect((await sdk.registration.getRegistrationStatus()).campaign_status).toBe('pending')

    const sub = (await sdk.subAccounts.createSubAccount({ name: 'Clinic B' })) as { id: string; name: string }
    expect((await sdk.subAccounts.updateSubAccount({ sub_account_id: sub.id, name: 'Clinic C' })) as { name: string }).toMatchObject({ name: 'Clinic C' })
    const subs = (await sdk.subAccounts.listSubAccounts()) as { data: Array<{ id: string }>; total: number }
    expect(subs.data.map((s) => s.id)).toContain(sub.id)
    expect(subs.data.map((s) => s.id)).toContain(registered.sub_account_id)
    await sdk.subAccounts.deleteSubAccount({ sub_account_id: sub.id })
    expect(((await sdk.subAccounts.listSubAccounts()) as { total: number }).total).toBe(subs.total - 1)
  })
})
