import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AppStatus, Delivery, DeliverySummary, Page } from '../../../src-preload/contract'
import { toDeliverySummary } from '../../../src-preload/delivery-summary'
import { memoryStore } from '../../../src-main/core/ports'
import { startSession, type Session } from '../../../src-main/core/session'
import { EventRecorder } from './events'
import { ok } from '../../helpers/bridge-result'

const sessions: Session[] = []
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.stop()))
})

async function withTexts(texts: string[]) {
  const session = await startSession({ mode: 'sandbox', dataDir: await mkdtemp(path.join(os.tmpdir(), 'sb-summaries-')), settings: memoryStore() })
  sessions.push(session)
  const recorder = new EventRecorder()
  session.onEvent(recorder.push)
  const status = ok(await session.invoke('app.status', {})) as AppStatus
  for (const body of texts) {
    ok(await session.invoke('sandbox.sms', { to: status.sandbox!.number.phoneNumber, body }))
    await recorder.waitFor('message.received', (m) => m.body === body)
  }
  return { session, recorder }
}

describe('webhook deliveries: summaries live, bodies on demand', () => {
  it('pushes and lists deliveries without headers, body or lines, and answers one in full when it is opened', async () => {
    const { session, recorder } = await withTexts(['Is my parcel on its way?'])
    const pushed = recorder.of('webhook.delivery').find((d) => d.channel === 'sms' && d.outcome === 'accepted')!
    expect(pushed).toMatchObject({ event: 'agent.message', status: 200 })
    for (const field of ['headers', 'body', 'lines']) expect(pushed).not.toHaveProperty(field)

    const listed = ok(await session.invoke('webhooks.deliveries', { channel: 'sms' })) as Page<DeliverySummary>
    expect(listed.items.map((d) => d.id)).toContain(pushed.id)
    for (const d of listed.items) for (const field of ['headers', 'body', 'lines']) expect(d).not.toHaveProperty(field)

    const full = ok(await session.invoke('webhooks.delivery', { deliveryId: pushed.id })) as Delivery
    expect(toDeliverySummary(full)).toEqual(pushed)
    const body = JSON.parse(full.body) as { data: { from: string } }
    expect(body).toMatchObject({ event: 'agent.message', data: { message: 'Is my parcel on its way?' } })
    // The one fact a row shows from the body travels with the summary: who sent it.
    expect(pushed.party).toMatch(/^\+\d{10,15}$/)
    expect(pushed.party).toBe(body.data.from)
    expect(full.headers['x-webhook-id']).toBe(pushed.webhookId)
    expect(full.headers['x-webhook-signature']).toBe('sha256=…redacted')
  })

  it('says plainly when the delivery asked for is no longer kept', async () => {
    const { session } = await withTexts([])
    const res = await session.invoke('webhooks.delivery', { deliveryId: 'dlv_gone' })
    expect(res).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('no longer kept') } })
  })

  it('exports deliveries in full, page by page, and later pages do not shift when new ones arrive', async () => {
    const { session } = await withTexts(['first', 'second', 'third'])
    const first = ok(await session.invoke('webhooks.export', { channel: 'sms', limit: 2 })) as Page<Delivery>
    expect(first.total).toBe(3)
    expect(first.items.map((d) => JSON.parse(d.body).data.message)).toEqual(['third', 'second'])
    const until = first.items[0]!.receivedAt
    // A new text arrives between two pages: the export still ends with the oldest.
    const status = ok(await session.invoke('app.status', {})) as AppStatus
    ok(await session.invoke('sandbox.sms', { to: status.sandbox!.number.phoneNumber, body: 'fourth' }))
    await expect.poll(async () => (ok(await session.invoke('webhooks.deliveries', { channel: 'sms' })) as Page<DeliverySummary>).total).toBe(4)
    const second = ok(await session.invoke('webhooks.export', { channel: 'sms', limit: 2, offset: 2, until })) as Page<Delivery>
    expect(second.items.map((d) => JSON.parse(d.body).data.message)).toEqual(['first'])
    expect(second.total).toBe(3)
  })
})
