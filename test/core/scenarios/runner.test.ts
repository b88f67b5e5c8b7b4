import { afterEach, describe, expect, it } from 'vitest'
import { systemClock } from '../../../src-main/core/ports'
import { runScenario, runScenarios } from '../../../src-main/core/scenarios/runner'
import { verify } from '../../../src-main/core/receiver/signature'
import { startWebhookServer, type Flaw, type WebhookServer } from '../../helpers/webhook-servers'
import { EVERY_FAULT, ORDER_STATUS, SECRET, load } from './fixtures'

let servers: WebhookServer[] = []
afterEach(async () => {
  await Promise.all(servers.map((s) => s.stop()))
  servers = []
})

async function server(flaws: Flaw[] = []): Promise<WebhookServer> {
  const s = await startWebhookServer({ secret: SECRET, flaws })
  servers.push(s)
  return s
}

const run = (url: string, text: string) => runScenario(load(text), { webhookUrl: url, secret: SECRET, clock: systemClock })
const failed = (r: Awaited<ReturnType<typeof run>>) => r.steps.flatMap((s) => s.checks.filter((c) => !c.passed).map((c) => `${s.index}:${c.name}`))
const warned = (r: Awaited<ReturnType<typeof run>>) => r.steps.flatMap((s) => s.warnings.map((w) => `${s.index}:${w.code}`))

describe('runScenario against a correct server', () => {
  it('plays a whole call: every expectation passes, no warning, then agent.call_ended', async () => {
    const s = await server()
    const r = await run(s.url, ORDER_STATUS)
    expect(failed(r)).toEqual([])
    expect(warned(r)).toEqual([])
    expect(r.passed).toBe(true)
    expect(r.steps.map((x) => x.actions)).toEqual([['interim'], ['interim'], ['interim', 'transfer'], ['interim', 'hangup'], []])
    expect(r.steps[0]!.reply).toBe('One moment. Order 4521 ships tomorrow.')
    expect(r.steps[0]!.response.lines.map((l) => l.interim)).toEqual([true, false])
    expect(r.steps[4]!.label).toBe('call ended (agent.call_ended)')
    expect(r.steps[0]!.line).toBe(4)
  })

  it('signs every delivery with all four headers, sends recentHistory and ends with the whole transcript', async () => {
    const s = await server()
    await run(s.url, ORDER_STATUS)
    expect(s.seen).toHaveLength(5)
    for (const req of s.seen) {
      expect(verify([SECRET], { signature: req.headers['x-webhook-signature'] as string, timestamp: req.headers['x-webhook-timestamp'] as string }, Buffer.from(req.body), Date.now()).ok).toBe(true)
      expect(req.headers['x-webhook-id']).toMatch(/^whd_/)
    }
    expect(s.seen.map((q) => q.headers['x-webhook-event'])).toEqual(['agent.message', 'agent.message', 'agent.message', 'agent.message', 'agent.call_ended'])
    const third = JSON.parse(s.seen[2]!.body) as { recentHistory: Array<{ content: string; direction: string }>; data: { transcript: string } }
    expect(third.data.transcript).toBe('Give me a human')
    expect(third.recentHistory.map((h) => `${h.direction}:${h.content}`)).toEqual([
      'inbound:Where is my order 4521?',
      'outbound:One moment.',
      'outbound:Order 4521 ships tomorrow.',
      'inbound:What did I say?',
      'outbound:One moment.',
      'outbound:Earlier you said: Where is my order 4521?'
    ])
    const ended = JSON.parse(s.seen[4]!.body) as { data: { disconnectionReason: string; transcript: Array<{ role: string }> } }
    expect(ended.data.disconnectionReason).toBe('agent_hangup')
    expect(ended.data.transcript.filter((t) => t.role === 'user')).toHaveLength(4)
  })

  it('a correct server refuses every forgery, answers the retry, and survives an abandoned turn', async () => {
    const s = await server()
    const r = await run(s.url, EVERY_FAULT)
    expect(failed(r)).toEqual([])
    expect(warned(r)).toEqual([])
    expect(r.steps.map((x) => x.response.status)).toEqual([200, 200, 401, 401, 401, 401, 400, r.steps[7]!.response.status, 200, 200])
    // The retry reuses the first delivery's id and bytes, freshly signed.
    expect(r.steps[1]!.request.webhookId).toBe(r.steps[0]!.request.webhookId)
    expect(r.steps[1]!.request.body).toBe(r.steps[0]!.request.body)
    expect(r.steps[3]!.request.headers['X-Webhook-Signature']).toBeUndefined()
    expect(Number(r.steps[4]!.request.headers['X-Webhook-Timestamp'])).toBeLessThan(Date.now() / 1000 - 300)
    expect(r.steps[5]!.request.body).toContain('(changed in transit)')
    expect(() => JSON.parse(r.steps[6]!.request.body)).toThrow()
  })
})

describe('runScenario against a server that breaks the rules', () => {
  it('fails each forgery a server accepts (malformed JSON is still refused, as it cannot be parsed)', async () => {
    const r = await run((await server(['acceptsForgeries'])).url, EVERY_FAULT)
    expect(failed(r)).toEqual(['2:status', '3:status', '4:status', '5:status'])
    expect(r.passed).toBe(false)
  })

  it('fails only the stale timestamp when the age is not checked, and a 500 on bad JSON', async () => {
    expect(failed(await run((await server(['ignoresTimestamp'])).url, EVERY_FAULT))).toEqual(['4:status'])
    expect(failed(await run((await server(['crashesOnBadJson'])).url, EVERY_FAULT))).toEqual(['6:status'])
  })

  it('warns of a voice reply that is not a JSON object (silence), without failing the run', async () => {
    const r = await run((await server(['stringReply'])).url, 'name: s\nturns:\n  - caller: "order 5"\n')
    expect(warned(r)).toEqual(['0:not_an_object'])
    expect(r.steps[0]!.warnings[0]!.message).toContain('"\\"Sure, one moment\\""')
    expect(r.passed).toBe(true)
  })

  it('warns of an NDJSON stream without its final line', async () => {
    const r = await run((await server(['noFinalLine'])).url, 'name: s\nturns:\n  - caller: "order 5"\n    expect: { replyMatches: "ships" }\n')
    expect(warned(r)).toEqual(['0:no_final_line'])
    expect(failed(r)).toEqual(['0:replyMatches'])
  })

  it('warns of digits sent with an alias', async () => {
    const r = await run((await server(['digitsWithAlias'])).url, 'name: s\nturns:\n  - caller: "main menu please"\n    expect: { actions: [interim, digits] }\n')
    expect(warned(r)).toEqual(['0:digits_with_alias'])
    expect(failed(r)).toEqual([])
  })

  it('fails a missing hang-up', async () => {
    const r = await run((await server(['forgetsHangup'])).url, ORDER_STATUS)
    expect(failed(r)).toEqual(['3:actions'])
    expect(r.steps[3]!.checks.find((c) => c.name === 'actions')).toMatchObject({ expected: 'hangup, interim', actual: 'interim' })
  })

  it('fails every step when nothing listens', async () => {
    const s = await server()
    await s.stop()
    servers = []
    const r = await run(s.url, 'name: s\nturns:\n  - caller: hi\n')
    expect(failed(r)).toEqual(['0:connected', '1:connected'])
    expect(r.steps[0]!.checks[0]!.actual).toMatch(/ECONNREFUSED/)
  })
})

describe('runScenarios', () => {
  it('runs several scenarios and passes only when all do', async () => {
    const good = await server()
    const list = [load(ORDER_STATUS, 'a.yaml'), load('name: b\nturns:\n  - caller: bye\n    expect: { actions: [transfer] }\n', 'b.yaml')]
    const r = await runScenarios(list, { webhookUrl: good.url, secret: SECRET, clock: systemClock })
    expect(r.scenarios.map((s) => [s.file, s.passed])).toEqual([
      ['a.yaml', true],
      ['b.yaml', false]
    ])
    expect(r.passed).toBe(false)
  })
})
