import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CommandParams, Delivery } from '../../src-preload/contract'
import { VIRTUALIZE_FROM } from '../../src-renderer/views/webhooks/DeliveryList'
import { fakeBridge } from './helpers/fake-bridge'
import type { FakeBridge } from './helpers/fake-bridge'
import { useFakeLayout } from './helpers/fake-layout'
import { renderApp } from './helpers/render-app'
import { makeDelivery } from './helpers/webhooks-fixtures'
import { summaryOf } from '../../src-renderer/store/webhooks-slice'

/**
 * A bridge that keeps deliveries the way the core does (the subset this test needs): the list
 * answers summaries filtered like the core, `webhooks.delivery` one in full, `webhooks.export`
 * full pages. `stored` can be changed by a test, as the core changes a delivery.
 */
function inspectorBridge(items: Delivery[]): FakeBridge & { stored: Map<string, Delivery> } {
  const stored = new Map(items.map((d) => [d.id, d]))
  const matching = (p: CommandParams<'webhooks.deliveries'>) =>
    [...stored.values()].filter((d) => (!p.outcome || d.outcome === p.outcome) && (!p.channel || d.channel === p.channel) && (!p.text || d.body.includes(p.text)))
  const bridge = fakeBridge({
    'webhooks.deliveries': (p) => {
      const hits = matching(p)
      return { items: hits.map(summaryOf), total: hits.length }
    },
    'webhooks.delivery': ({ deliveryId }) =>
      stored.get(deliveryId) ?? { ok: false, error: { code: 'not_found', message: `Delivery ${deliveryId} is no longer kept.` } },
    'webhooks.export': (p) => {
      const hits = matching(p)
      const offset = p.offset ?? 0
      return { items: hits.slice(offset, offset + (p.limit ?? 100)), total: hits.length }
    }
  })
  return Object.assign(bridge, { stored })
}

async function openInspector(bridge: FakeBridge, expectRows = true) {
  const app = await renderApp(bridge)
  await app.user.click(screen.getByRole('button', { name: 'Webhooks' }))
  if (expectRows) await screen.findByRole('listbox', { name: 'Deliveries' })
  return app
}

const list = () => screen.getByRole('listbox', { name: 'Deliveries' })
const rows = () => within(list()).queryAllByRole('option')

/** jsdom's Blob has no text(); FileReader reads it the way a browser would. */
function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.readAsText(blob)
  })
}

afterEach(() => vi.restoreAllMocks())

describe('Webhooks › Inspector', () => {
  it('lists what the receiver saw, newest first, with the outcome in words', async () => {
    const voice = makeDelivery({ event: 'agent.message', channel: 'voice', callId: 'call_9', conversationId: null, ttfbMs: 12 }, 1_000)
    const refused = makeDelivery({ outcome: 'refused', reason: 'bad_signature', status: 401, ttfbMs: null }, 5_000)
    await openInspector(inspectorBridge([voice, refused]))
    const [first, second] = rows()
    expect(first?.getAttribute('aria-label')).toMatch(/Caller spoke, voice, (\+\d+|call_9), Verified, answered 200$/)
    expect(within(first!).getByText('12 ms')).toBeTruthy()
    expect(second?.getAttribute('aria-label')).toMatch(/Refused: bad signature, answered 401$/)
    expect(within(second!).getByText('Refused: bad signature')).toBeTruthy()
    expect(screen.getByText('2 shown · 2 in total')).toBeTruthy()
  })

  it('asks the core again when a filter changes, and keeps pushed rows that do not match out', async () => {
    const ok = makeDelivery({}, 2_000)
    const bad = makeDelivery({ outcome: 'refused', reason: 'stale_timestamp', status: 401 }, 3_000)
    const bridge = inspectorBridge([ok, bad])
    const { user, emit } = await openInspector(bridge)
    expect(rows()).toHaveLength(2)

    await user.selectOptions(screen.getByLabelText('Outcome'), 'refused')
    await waitFor(() => expect(rows()).toHaveLength(1))
    expect(bridge.invokes.at(-1)).toEqual({ method: 'webhooks.deliveries', params: { limit: 500, outcome: 'refused' } })

    emit('webhook.delivery', summaryOf(makeDelivery())) // accepted: not what the filter asks for
    expect(rows()).toHaveLength(1)
    emit('webhook.delivery', summaryOf(makeDelivery({ outcome: 'refused', reason: 'missing_signature', status: 401 })))
    expect(rows()).toHaveLength(2)
    expect(rows()[0]?.getAttribute('aria-label')).toContain('Refused: missing signature')

    await user.click(screen.getByRole('button', { name: 'Clear filters' }))
    await waitFor(() => expect(bridge.invokes.at(-1)?.params).toEqual({ limit: 500 }))
  })

  it('opens a delivery and shows its headers and body, fetched from the core when it is opened', async () => {
    const text = makeDelivery({ body: JSON.stringify({ event: 'agent.message', data: { message: 'Where is parcel 4521?' } }), headers: { 'x-webhook-id': 'wh_77' } })
    const bridge = inspectorBridge([text])
    const { user } = await openInspector(bridge)
    // The list never carries a body: nothing was fetched in full until a row is opened.
    expect(bridge.invokes.some((i) => i.method === 'webhooks.delivery')).toBe(false)
    await user.click(rows()[0]!)
    const details = screen.getByRole('region', { name: 'Delivery details' })
    expect((await within(details).findByLabelText('Body')).textContent).toContain('Where is parcel 4521?')
    expect(within(details).getByRole('rowheader', { name: 'x-webhook-id' }).nextSibling?.textContent).toBe('wh_77')
    expect(bridge.invokes.filter((i) => i.method === 'webhooks.delivery')).toEqual([{ method: 'webhooks.delivery', params: { deliveryId: text.id } }])
  })

  it('says why when the body cannot be fetched, and fetches it again on Try again', async () => {
    const gone = makeDelivery({ body: '{"message":"kept after all"}' })
    const bridge = inspectorBridge([gone])
    const { user } = await openInspector(bridge)
    bridge.stored.delete(gone.id)
    await user.click(rows()[0]!)
    const details = screen.getByRole('region', { name: 'Delivery details' })
    expect((await within(details).findByRole('alert')).textContent).toContain('is no longer kept')
    // The facts from the list stay on screen; the edit-and-resend needs the body.
    expect(details.textContent).toContain(gone.webhookId!)
    expect((within(details).getByRole('button', { name: 'Edit and resend' }) as HTMLButtonElement).disabled).toBe(true)
    bridge.stored.set(gone.id, gone)
    await user.click(within(details).getByRole('button', { name: 'Try again' }))
    expect((await within(details).findByLabelText('Body')).textContent).toContain('kept after all')
  })

  it('replaces a row by id when the core pushes an update of it, and fetches the open one again', async () => {
    const turn = makeDelivery({ channel: 'voice', callId: 'call_1', status: 0, ttfbMs: null, lines: [] })
    const bridge = inspectorBridge([turn])
    const { user, emit } = await openInspector(bridge)
    await user.click(rows()[0]!)
    expect(await screen.findByText('Nothing was sent back for this turn.')).toBeTruthy()

    const updated = { ...turn, status: 200, ttfbMs: 3, lines: [{ atMs: 3, line: '{"text":"One moment, please.","interim":true}' }] }
    bridge.stored.set(turn.id, updated)
    emit('webhook.delivery', summaryOf(updated))
    expect(rows()).toHaveLength(1)
    expect(rows()[0]?.getAttribute('aria-label')).toMatch(/answered 200$/)
    const sent = await within(screen.getByRole('region', { name: 'Delivery details' })).findByRole('list', { name: 'Lines sent back' })
    expect(sent.textContent).toContain('+3 ms')
    expect(sent.textContent).toContain('{"text":"One moment, please.","interim":true}')
  })

  it('with a text filter, asks the core whether a pushed delivery matches (its body is not in the event)', async () => {
    const bridge = inspectorBridge([makeDelivery({ body: '{"message":"parcel"}' })])
    const { user, emit } = await openInspector(bridge)
    await user.type(screen.getByLabelText('Search'), 'parcel')
    await waitFor(() => expect(bridge.invokes.at(-1)).toEqual({ method: 'webhooks.deliveries', params: { limit: 500, text: 'parcel' } }))
    const later = makeDelivery({ body: '{"message":"another parcel"}' })
    bridge.stored.set(later.id, later)
    const asked = bridge.invokes.length
    emit('webhook.delivery', summaryOf(later))
    await waitFor(() => expect(rows()).toHaveLength(2), { timeout: 3000 })
    expect(bridge.invokes.slice(asked).filter((i) => i.method === 'webhooks.deliveries')).toHaveLength(1)
  })

  it('replays the selected delivery and selects the new row, marked replayed', async () => {
    const original = makeDelivery({ channel: 'voice', callId: 'call_5' }, 10_000)
    const bridge = inspectorBridge([original])
    const replayed = makeDelivery({ channel: 'voice', callId: 'call_5', replayed: true })
    bridge.respond('webhooks.replay', () => replayed)
    const { user } = await openInspector(bridge)
    await user.click(rows()[0]!)
    await user.click(within(screen.getByRole('region', { name: 'Delivery details' })).getByRole('button', { name: 'Replay' }))

    expect(bridge.invokes.find((i) => i.method === 'webhooks.replay')?.params).toEqual({ deliveryId: original.id })
    expect(rows()).toHaveLength(2)
    expect(rows()[0]?.getAttribute('aria-label')).toMatch(/replayed/)
    expect(rows()[0]?.getAttribute('aria-selected')).toBe('true')
    expect(within(rows()[0]!).getByText('Replayed')).toBeTruthy()
    expect(rows()[1]?.getAttribute('aria-label')).not.toMatch(/replayed/)
  })

  it('moves the selection with the arrow keys', async () => {
    const a = makeDelivery({}, 1_000)
    const b = makeDelivery({}, 2_000)
    const { user } = await openInspector(inspectorBridge([a, b]))
    screen.getByRole('listbox', { name: 'Deliveries' }).focus()
    await user.keyboard('{ArrowDown}')
    expect(within(list()).getByRole('option', { selected: true }).id).toBe(`delivery-row-${a.id}`)
    expect(list().getAttribute('aria-activedescendant')).toBe(`delivery-row-${a.id}`)
    await user.keyboard('{ArrowDown}')
    expect(within(list()).getByRole('option', { selected: true }).id).toBe(`delivery-row-${b.id}`)
    expect(screen.getByRole('region', { name: 'Delivery details' }).textContent).toContain(b.webhookId!)
  })

  it('exports every matching delivery in full, fetched page by page, as deliveries-<time>.jsonl', async () => {
    const items = Array.from({ length: 180 }, (_, i) => makeDelivery({ channel: i % 3 ? 'sms' : 'voice' }, i * 1000))
    let blob: Blob | null = null
    URL.createObjectURL = vi.fn((b: Blob) => ((blob = b), 'blob:test'))
    URL.revokeObjectURL = vi.fn()
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toMatch(/^deliveries-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.jsonl$/)
    })
    const bridge = inspectorBridge(items)
    const { user } = await openInspector(bridge)
    await user.selectOptions(screen.getByLabelText('Channel'), 'sms')
    await screen.findByText('120 shown · 120 match')
    await user.click(screen.getByRole('button', { name: 'Export JSON lines' }))
    await waitFor(() => expect(click).toHaveBeenCalledOnce())
    const lines = (await readBlob(blob!)).trim().split('\n').map((l) => JSON.parse(l) as Delivery)
    const sms = items.filter((d) => d.channel === 'sms')
    expect(lines).toEqual(sms)
    const pages = bridge.invokes.filter((i) => i.method === 'webhooks.export').map((i) => i.params)
    expect(pages).toEqual([
      { channel: 'sms', limit: 100, offset: 0 },
      { channel: 'sms', limit: 100, offset: 100, until: sms[0]!.receivedAt }
    ])
  })

  it('says what to do when the receiver has seen nothing, and when nothing matches', async () => {
    const { user } = await openInspector(inspectorBridge([]), false)
    expect(await screen.findByText('The receiver has not seen any request yet.')).toBeTruthy()
    await user.type(screen.getByLabelText('Search'), 'zzz')
    expect(await screen.findByText('No delivery matches these filters.')).toBeTruthy()
  })
})

describe('Inspector with many deliveries', () => {
  useFakeLayout(300)
  it('renders only the visible rows of a long list', async () => {
    const many = Array.from({ length: VIRTUALIZE_FROM + 400 }, (_, i) => makeDelivery({}, i * 1000))
    await openInspector(inspectorBridge(many))
    const shown = rows()
    expect(shown.length).toBeGreaterThan(5)
    expect(shown.length).toBeLessThan(60)
    expect(shown[0]?.id).toBe(`delivery-row-${many[0]!.id}`)
  })
})
