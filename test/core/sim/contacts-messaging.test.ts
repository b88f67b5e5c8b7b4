/**
 * Contacts (§9.3) and the messaging additions (§9.5, §9.6): a saved contact shows on payloads,
 * MMS, threaded replies, tapbacks both ways (an inbound one is a signed `agent.reaction`).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { verify } from '../../../src-main/core/receiver/signature'
import { KEY, startHook, startSim, waitFor } from './helpers'

let cleanup: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanup.reverse()) await c()
  cleanup = []
})

describe('contacts', () => {
  it('create (201), duplicate (409), search by name or number, update, delete (204)', async () => {
    const h = await startSim()
    cleanup.push(() => h.sim.stop())
    const ada = await h.api('POST', '/v1/contacts', { phoneNumber: '(415) 555-0142', name: 'Ada Lovelace', email: 'ada@example.com' })
    expect(ada.status).toBe(201)
    expect(ada.body).toMatchObject({ phoneNumber: '+14155550142', name: 'Ada Lovelace', email: 'ada@example.com', notes: null })
    expect(ada.body.id).toMatch(/^ct_/)
    await h.api('POST', '/v1/contacts', { phoneNumber: '+12125550100', name: 'Grace Hopper' })
    const dup = await h.api('POST', '/v1/contacts', { phoneNumber: '+14155550142', name: 'Someone else' })
    expect(dup.status).toBe(409)
    expect(dup.body.detail).toMatch(/already exists/)
    expect((await h.api('POST', '/v1/contacts', { phone_number: '+14155550143', name: 'x' })).body.detail[0]).toMatchObject({ loc: ['body', 'phoneNumber'], type: 'missing' })

    const byName = (await h.api('GET', '/v1/contacts?search=grace')).body
    expect(byName).toMatchObject({ total: 1, hasMore: false, data: [{ name: 'Grace Hopper' }] })
    expect((await h.api('GET', '/v1/contacts?search=555-0142')).body.data.map((c: { name: string }) => c.name)).toEqual(['Ada Lovelace'])
    expect((await h.api('GET', '/v1/contacts')).body.total).toBe(2)

    const patched = await h.api('PATCH', `/v1/contacts/${ada.body.id}`, { notes: 'prefers texts' })
    expect(patched.body).toMatchObject({ name: 'Ada Lovelace', notes: 'prefers texts' })
    expect((await h.api('PATCH', `/v1/contacts/${ada.body.id}`, { phoneNumber: '+12125550100' })).status).toBe(409)
    const gone = await fetch(`${h.url}/v1/contacts/${ada.body.id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${KEY}` } })
    expect(gone.status).toBe(204)
    expect(await gone.text()).toBe('')
    expect((await h.api('GET', `/v1/contacts/${ada.body.id}`)).status).toBe(404)
    expect((await h.api('GET', '/v1/contacts/capabilities?phone_number=%2B14155550142')).body).toMatchObject({ phoneNumber: '+14155550142', capabilities: { imessage: false, sms: true } })
  })

  it('a saved contact is the `contact` of inbound SMS and call_ended payloads; others carry null', async () => {
    const hook = await startHook()
    const h = await startSim()
    cleanup.push(() => h.sim.stop(), () => hook.close())
    const { number } = h.sim.ensureSandboxAccount(KEY)
    await h.api('POST', '/v1/webhooks', { url: hook.url })
    const ada = (await h.api('POST', '/v1/contacts', { phoneNumber: '+14155550142', name: 'Ada' })).body
    h.sim.sandbox.sms(KEY, { to: number.phoneNumber, from: '+14155550142', body: 'hi' })
    h.sim.sandbox.sms(KEY, { to: number.phoneNumber, from: '+14155550199', body: 'who?' })
    const { callId } = h.sim.sandbox.dial(KEY, { to: number.phoneNumber, from: '+14155550142' })
    h.sim.sandbox.hangup(KEY, callId)
    await waitFor(() => hook.hits.length >= 3)
    const data = hook.hits.map((x) => x.json.data as Record<string, unknown>)
    expect(data[0]!.contact).toEqual({ id: ada.id, name: 'Ada', email: null, phoneNumber: '+14155550142' })
    expect(data[1]!.contact).toBeNull()
    expect(data[2]).toMatchObject({ callId, contact: { id: ada.id } })
  })
})

describe('messaging additions', () => {
  it('MMS from media_urls, a threaded reply, and an inbound MMS carrying messageId and mediaUrls', async () => {
    const hook = await startHook()
    const h = await startSim()
    cleanup.push(() => h.sim.stop(), () => hook.close())
    const { number } = h.sim.ensureSandboxAccount(KEY)
    await h.api('POST', '/v1/webhooks', { url: hook.url })
    const mms = (await h.api('POST', '/v1/messages', { number_id: number.id, to_number: '+14155550142', body: 'Menu', media_urls: ['https://example.com/menu.png'] })).body
    expect(mms).toMatchObject({ status: 'sent', channel: 'mms', media_urls: ['https://example.com/menu.png'], reply_to_message_id: null, reply_parent_unresolved: null })
    const reply = (await h.api('POST', '/v1/messages', { from_number: number.phoneNumber, to_number: '+14155550142', body: 'See above', reply_to_message_id: mms.id })).body
    expect(reply).toMatchObject({ channel: 'sms', reply_to_message_id: mms.id, reply_parent_unresolved: false })
    const unthreaded = (await h.api('POST', '/v1/messages', { number_id: number.id, to_number: '+14155550142', body: 'x', reply_to_message_id: 'msg_unknown' })).body
    expect(unthreaded.reply_parent_unresolved).toBe(true)
    const thread = (await h.api('GET', `/v1/conversations/${mms.conversation_id}/messages`)).body.data
    expect(thread.find((m: { id: string }) => m.id === reply.id).replyTo).toEqual({ messageId: mms.id, message: 'Menu', mediaUrls: ['https://example.com/menu.png'] })

    h.sim.sandbox.sms(KEY, { to: number.phoneNumber, from: '+14155550142', body: '', mediaUrls: ['https://example.com/photo.jpg'] })
    const hit = await waitFor(() => hook.hits.find((x) => x.json.event === 'agent.message'))
    expect(hit.json).toMatchObject({ channel: 'mms', data: { messageId: expect.stringMatching(/^msg_/), mediaUrl: 'https://example.com/photo.jpg', mediaUrls: ['https://example.com/photo.jpg'], direction: 'inbound' } })
  })

  it('tapbacks: refused on SMS, stored on iMessage; the contact’s tapback is a signed agent.reaction', async () => {
    const hook = await startHook()
    const h = await startSim()
    cleanup.push(() => h.sim.stop(), () => hook.close())
    const { number } = h.sim.ensureSandboxAccount(KEY)
    const secret = (await h.api('POST', '/v1/webhooks', { url: hook.url })).body.secret as string
    const sms = (await h.api('POST', '/v1/messages', { number_id: number.id, to_number: '+14155550142', body: 'Hi' })).body
    expect((await h.api('POST', `/v1/messages/${sms.id}/reactions`, { reaction: 'love' })).status).toBe(400)
    const imsg = (await h.api('POST', '/v1/messages', { number_id: number.id, to_number: 'ada@example.com', body: 'Hi Ada' })).body
    expect(imsg.channel).toBe('imessage')
    const tap = (await h.api('POST', `/v1/messages/${imsg.id}/reactions`, { reaction: 'like' })).body
    expect(tap).toEqual({ id: expect.stringMatching(/^rxn_/), reaction_type: 'like', message_id: imsg.id, channel: 'imessage' })

    h.sim.sandbox.react(KEY, { messageId: imsg.id, reaction: 'love' })
    const hit = await waitFor(() => hook.hits.find((x) => x.json.event === 'agent.reaction'))
    expect(hit.headers['x-webhook-event']).toBe('agent.reaction')
    expect(verify([secret], { signature: hit.headers['x-webhook-signature'] as string, timestamp: hit.headers['x-webhook-timestamp'] as string }, hit.raw, Date.now()).ok).toBe(true)
    expect(hit.json).toMatchObject({
      event: 'agent.reaction',
      channel: 'imessage',
      data: { conversationId: imsg.conversation_id, numberId: number.id, reactionType: 'love', fromNumber: 'ada@example.com', direction: 'inbound', messageId: imsg.id, messageBody: 'Hi Ada', createdAt: expect.any(String) }
    })
    const stored = (await h.api('GET', `/v1/conversations/${imsg.conversation_id}`)).body.messages[0].reactions
    expect(stored.map((r: { reactionType: string; direction: string }) => [r.reactionType, r.direction])).toEqual([
      ['like', 'outbound'],
      ['love', 'inbound']
    ])
  })
})
