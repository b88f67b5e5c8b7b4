import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { SHOTS, useApp } from './helpers/app'

let page: Page

useApp((app) => {
  page = app.page
})

describe('the Webhooks inspector in sandbox mode, in a real browser', () => {
  it('shows a sandbox voice turn, its body fetched when opened, with the NDJSON it sent back, and replays it as a new row', async () => {
    // Watch the page's own bridge socket from its start: what the events carry, what the page asks.
    const pushed: Array<Record<string, unknown>> = []
    const asked: string[] = []
    page.on('websocket', (ws) => {
      ws.on('framereceived', ({ payload }) => {
        const msg = JSON.parse(String(payload)) as { events?: Array<{ event: string; data: Record<string, unknown> }> }
        for (const e of msg.events ?? []) if (e.event === 'webhook.delivery') pushed.push(e.data)
      })
      ws.on('framesent', ({ payload }) => asked.push((JSON.parse(String(payload)) as { method: string }).method))
    })
    await page.reload()
    await page.getByLabel('Mode: Sandbox').waitFor()
    const phone = page.getByRole('complementary', { name: 'Sandbox phone' })
    await phone.getByRole('button', { name: 'Dial' }).click()
    await phone.getByLabel('Say as the caller').fill('Is the pharmacy open on Sunday?')
    await phone.getByRole('button', { name: 'Say', exact: true }).click()
    // The turn reached the board, so the receiver has seen the voice delivery.
    await page.getByRole('listbox', { name: 'Live calls' }).getByText('Waiting for you').waitFor()

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Webhooks' }).click()
    await page.getByRole('tab', { name: 'Inspector' }).click()
    const list = page.getByRole('listbox', { name: 'Deliveries' })
    const voice = list.getByRole('option', { name: /Caller spoke, voice, \+\d+/ })
    await voice.first().waitFor()
    await voice.first().click()

    const details = page.getByRole('region', { name: 'Delivery details' })
    await expect.poll(() => details.getByRole('button', { name: 'Replay' }).count()).toBe(1)
    expect(await details.getByLabel('Body').textContent()).toContain('Is the pharmacy open on Sunday?')
    // Live events carried summaries only; the body came from asking for this one delivery.
    expect(pushed.length).toBeGreaterThan(0)
    for (const d of pushed) for (const field of ['body', 'headers', 'lines']) expect(d).not.toHaveProperty(field)
    expect(asked).toContain('webhooks.delivery')
    const sent = details.getByRole('list', { name: 'Lines sent back' })
    // The filler line is written at once, as the broker's first NDJSON line.
    await expect.poll(async () => (await sent.textContent()) ?? '').toContain('One moment, please.')
    expect(await sent.textContent()).toMatch(/\+\d+(\.\d+)? (ms|s)/)

    const before = await list.getByRole('option').count()
    await details.getByRole('button', { name: 'Replay' }).click()
    const replayed = list.getByRole('option', { name: /replayed/ })
    await replayed.first().waitFor()
    expect(await list.getByRole('option').count()).toBe(before + 1)
    // Newest first, and selected: the detail pane now shows the replayed copy.
    expect(await list.getByRole('option').first().getAttribute('aria-label')).toMatch(/voice, \+\d+.*replayed/)
    expect(await replayed.first().getAttribute('aria-selected')).toBe('true')
    await details.getByText('Replayed', { exact: true }).waitFor()
    await page.screenshot({ path: path.join(SHOTS, 'webhooks-inspector.png') })
  })

  it('filters by outcome through the core', async () => {
    const list = page.getByRole('listbox', { name: 'Deliveries' })
    await page.getByLabel('Outcome').selectOption('refused')
    await page.getByText('No delivery matches these filters.').waitFor()
    await page.getByLabel('Outcome').selectOption('accepted')
    await expect.poll(() => list.getByRole('option').count()).toBeGreaterThan(1)
  })
})
