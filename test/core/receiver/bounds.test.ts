import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { recentWebhookIds } from '../../../src-main/core/receiver/receiver'
import { streamPost } from '../turns/ndjson-client'
import type { Harness } from './harness'
import { post, signedHeaders, smsEnvelope, startHarness, voiceEnvelope } from './harness'

let h: Harness | undefined
let dir: string | undefined
afterEach(async () => {
  await h?.stop()
  h = undefined
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = undefined
})

const FALLBACK_LINE = JSON.stringify({ text: 'Sorry, nobody is free.' })

describe('receiver: duplicate window across a restart', () => {
  it('drops a retry that arrives after a restart once seeded from the journal', async () => {
    dir = mkdtempSync(join(tmpdir(), 'seed-'))
    h = await startHarness({}, {}, dir)
    for (const id of ['wh_1', 'wh_2', 'wh_3']) {
      // One body for both: the envelope carries the time, and a millisecond later it signs differently.
      const sent = smsEnvelope(id)
      expect((await post(h.receiver.url, sent, signedHeaders(sent, { id }))).status).toBe(200)
    }
    // Later posts carry new bodies: a re-sent signed body is recognised by itself (duplicates.test.ts).
    const body = smsEnvelope('a new body')
    await h.receiver.replay([...h.deliveries.values()][0]!) // a replay must not count as a fresh id
    await h.stop()

    // Without seeding, the retry would be journaled a second time. The newest three records are
    // wh_2, wh_3 and the replay of wh_1, which is not a fresh id.
    h = await startHarness({}, {}, dir)
    const ids = await recentWebhookIds(h.journal, 3)
    expect(ids).toEqual(['wh_2', 'wh_3'])
    h.receiver.seedIds(ids)
    expect((await post(h.receiver.url, body, signedHeaders(body, { id: 'wh_3' }))).json).toEqual({ duplicate: true })
    expect((await post(h.receiver.url, body, signedHeaders(body, { id: 'wh_1' }))).json).toEqual({ ok: true })
    expect((await h.records()).map((r) => (r.data as { webhookId: string }).webhookId)).toEqual(['wh_1', 'wh_2', 'wh_3', 'wh_1', 'wh_1'])
  })

  it('takes known ids as an option, keeping only the newest dedupeWindow of them', async () => {
    h = await startHarness({ knownIds: ['a', 'b', 'c'], dedupeWindow: 2 })
    const body = smsEnvelope()
    expect((await post(h.receiver.url, body, signedHeaders(body, { id: 'c' }))).json).toEqual({ duplicate: true })
    expect((await post(h.receiver.url, body, signedHeaders(body, { id: 'a' }))).json).toEqual({ ok: true })
  })
})

describe('receiver: open voice turns are capped', () => {
  it('answers a turn beyond maxOpenTurns with the fallback at once, journaled all the same', async () => {
    h = await startHarness({}, { maxOpenTurns: 2 })
    const open = [0, 1].map((i) => {
      const body = voiceEnvelope(`call_${i}`)
      return streamPost(h!.receiver.url, body, signedHeaders(body))
    })
    for (const c of open) await c.waitForLines(1)
    const body = voiceEnvelope('call_extra')
    const started = Date.now()
    expect(await streamPost(h.receiver.url, body, signedHeaders(body)).ended).toEqual([FALLBACK_LINE])
    expect(Date.now() - started).toBeLessThan(1000)
    expect(h.broker.list()).toHaveLength(2)
    expect(await h.records()).toHaveLength(3)
  })
})
