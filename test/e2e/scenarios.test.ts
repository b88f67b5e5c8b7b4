import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_TEST_SECRET } from '../../src-main/core/scenarios/secret'
import { startWebhookServer, type WebhookServer } from '../helpers/webhook-servers'
import { SHOTS, useApp } from './helpers/app'
import { openUi, type Theme } from './helpers/scenes'

let page: Page
let browser: Browser
let ui: string
let good: WebhookServer
let broken: WebhookServer

useApp((app) => {
  ;({ page, browser } = app)
  ui = app.serve.ready.ui
})
beforeAll(async () => {
  // Two webhook servers a developer might have written: one right, one that answers with a bare string.
  good = await startWebhookServer({ secret: DEFAULT_TEST_SECRET })
  broken = await startWebhookServer({ secret: DEFAULT_TEST_SECRET, flaws: ['stringReply'] })
})
afterAll(async () => {
  await good?.stop()
  await broken?.stop()
})

async function runAgainst(p: Page, url: string): Promise<string> {
  const run = p.getByRole('region', { name: 'Run' })
  await run.getByLabel('Webhook URL').fill(url)
  await run.getByRole('button', { name: 'Run' }).click()
  const summary = run.getByText(/^(Passed|Failed): /)
  await summary.waitFor({ timeout: 20_000 })
  return (await summary.textContent()) ?? ''
}

describe('a sandbox call saved as a scenario, played against webhook servers, in a real browser', () => {
  it('saves the finished call as a scenario and runs it green against a correct server, red against a broken one', async () => {
    const phone = page.getByRole('complementary', { name: 'Sandbox phone' })
    await phone.getByRole('button', { name: 'Dial' }).click()
    await phone.getByLabel('Say as the caller').fill('Where is my order 4521?')
    await phone.getByRole('button', { name: 'Say', exact: true }).click()
    const row = page.getByRole('listbox', { name: 'Live calls' }).getByRole('option').first()
    await row.getByText('Waiting for you').waitFor()
    await row.click()
    await page.keyboard.press('Enter')
    const reply = page.getByLabel('Reply to caller')
    await reply.fill('Order 4521 ships tomorrow.')
    await reply.press('Enter')
    await phone.getByRole('list', { name: 'Caller hears' }).getByText('Order 4521 ships tomorrow.').waitFor()
    await phone.getByRole('button', { name: /Hang up/ }).click()

    const save = page.getByRole('button', { name: 'Save as scenario' })
    await expect.poll(() => save.getAttribute('aria-disabled')).toBe('false')
    await save.click()
    await page.getByRole('heading', { name: 'Scenarios' }).waitFor()
    const editor = page.getByLabel('Scenario (YAML)')
    expect(await editor.inputValue()).toContain('- caller: "Where is my order 4521?"')
    expect(await editor.inputValue()).toContain('replyMatches: "Order 4521 ships tomorrow\\\\."')
    await page.getByText('The scenario is valid.').waitFor()

    expect(await runAgainst(page, good.url)).toBe('Passed: every step passed')
    const steps = page.getByRole('list', { name: 'Steps' })
    await steps.getByText('Heard: “One moment. Order 4521 ships tomorrow.”').waitFor()
    await page.screenshot({ path: path.join(SHOTS, 'scenarios-passed.png') })

    expect(await runAgainst(page, broken.url)).toBe('Failed: 1 step failed')
    await steps.getByText(/Warning: the reply body "\\"Sure, one moment\\"" is not a JSON object/).waitFor()
    await steps.getByText(/replyMatches failed: expected \/Order 4521 ships tomorrow\\\.\/i, got \(silence\)/).waitFor()
    await page.screenshot({ path: path.join(SHOTS, 'scenarios-failed.png') })
    expect(good.seen.length).toBeGreaterThanOrEqual(2)
  })

  it.each<Theme>(['light', 'dark'])('has no serious or critical accessibility violations with a failed run open (%s theme)', async (theme) => {
    const fresh = await openUi(browser, ui, theme)
    try {
      await fresh.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Scenarios' }).click()
      expect(await runAgainst(fresh, broken.url)).toMatch(/^Failed: /)
      await fresh.getByRole('list', { name: 'Steps' }).getByText('Request and response').first().click()
      const results = await new AxeBuilder({ page: fresh }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)
      expect(serious).toEqual([])
    } finally {
      await fresh.context().close()
    }
  })

  it('shows a problem at its line while the scenario is being edited', async () => {
    const editor = page.getByLabel('Scenario (YAML)')
    await editor.fill('name: broken\nturns:\n  - caller: hi\n    expect: { replyMatch: x }\n')
    await page.getByRole('button', { name: /Line 4:\d+: unknown key "replyMatch"/ }).waitFor()
    expect(await page.getByRole('button', { name: 'Run' }).isDisabled()).toBe(true)
  })
})
