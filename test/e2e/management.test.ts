import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from './helpers/browser'
import { startServe, type ServeHandle } from './helpers/serve'

const SHOTS = path.resolve('test-output/screenshots')
const AGENT = 'E2E Concierge'

let serve: ServeHandle
let browser: Browser
let page: Page
/** The number bought for the agent, as the Numbers table shows it (+1 415 …). */
let bought = ''

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  serve = await startServe()
  browser = await launchChromium()
  // A context of its own: the accessibility scan (axe) needs one.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  page = await context.newPage()
  await page.goto(serve.ready.ui)
  await page.getByLabel('Mode: Sandbox').waitFor()
})

afterAll(async () => {
  await browser?.close()
  expect(await serve?.stop()).toBe(0)
})

/** One bridge command over its own WebSocket, the way a script drives the hub (answers as data). */
async function command<T>(method: string, params: object): Promise<T> {
  const answer = await page.evaluate(
    ({ url, method, params }) =>
      new Promise<{ result?: unknown; error?: { message: string } }>((resolve, reject) => {
        const ws = new WebSocket(url)
        ws.onerror = () => reject(new Error('bridge refused the connection'))
        ws.onopen = () => ws.send(JSON.stringify({ id: 1, method, params }))
        ws.onmessage = (e) => {
          const m = JSON.parse(String(e.data)) as { id?: number; result?: unknown; error?: { message: string } }
          if (m.id !== 1) return
          ws.close()
          resolve(m)
        }
      }),
    { url: serve.ready.bridge, method, params }
  )
  if (answer.error) throw new Error(`${method}: ${answer.error.message}`)
  return answer.result as T
}

/** Accessibility violations inside one part of the page (others' views are scanned by their tests). */
async function axeViolations(selector: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include(selector).analyze()
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click()
const agentRow = () => page.getByRole('table', { name: 'Agents' }).getByRole('row', { name: new RegExp(AGENT) })

describe('the account owner’s views against the sandbox simulator', () => {
  it('creates a hosted agent through the editor', async () => {
    await nav('Agents')
    await page.getByRole('table', { name: 'Agents' }).getByRole('row').nth(1).waitFor()
    await page.getByRole('button', { name: 'New agent' }).click()
    const dialog = page.getByRole('dialog', { name: 'New agent' })
    await dialog.getByLabel('Name').fill(AGENT)
    await dialog.getByRole('radio', { name: /AI answers/ }).check()
    await dialog.getByLabel('Instructions for the AI').fill('You are the concierge of a small hotel. Be brief.')
    await dialog.getByLabel('First words').fill('Good evening, concierge speaking.')
    await dialog.getByLabel('Voice').selectOption({ label: 'Marcus — Calm Support · elevenlabs · male' })
    await dialog.getByLabel('Transfer number').fill('415 555 0142')
    await dialog.getByText('+1 415 555 0142').waitFor()
    expect(await axeViolations('[role="dialog"]')).toEqual([])
    await dialog.getByRole('button', { name: 'Create agent' }).click()
    await dialog.waitFor({ state: 'detached' })

    await agentRow().waitFor()
    expect(await agentRow().getByText('AI answers').isVisible()).toBe(true)
    expect(await agentRow().getByText('Marcus — Calm Support').isVisible()).toBe(true)
  })

  it('shows the simulator’s refusal of a purchase, then buys a number attached to the agent', async () => {
    await nav('Numbers')
    await page.getByRole('button', { name: 'Buy number' }).click()
    const dialog = page.getByRole('dialog', { name: 'Buy a number' })
    await dialog.getByLabel('Area code').fill('011')
    await dialog.getByLabel('Attach to agent').selectOption({ label: AGENT })
    await dialog.getByRole('button', { name: 'Buy number' }).click()
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('No numbers available in area code 011')

    // The refusal kept the choices: only the area code changes.
    expect(await dialog.getByLabel('Attach to agent').inputValue()).not.toBe('')
    await dialog.getByLabel('Area code').fill('415')
    await dialog.getByRole('button', { name: 'Buy number' }).click()
    await dialog.waitFor({ state: 'detached' })

    const row = page.getByRole('table', { name: 'Phone numbers' }).getByRole('row', { name: new RegExp(AGENT) })
    await row.waitFor()
    bought = (await row.getByRole('cell').first().textContent()) ?? ''
    expect(bought).toMatch(/^\+1 415 /)

    await nav('Agents')
    await expect.poll(() => agentRow().textContent()).toContain(bought)
  })

  it('releases the number only after confirming', async () => {
    await nav('Numbers')
    await page.getByRole('button', { name: `Release ${bought}` }).click()
    const confirm = page.getByRole('alertdialog', { name: `Release ${bought}?` })
    expect(await confirm.textContent()).toContain('irreversible')
    await confirm.getByRole('button', { name: 'Release number' }).click()
    await confirm.waitFor({ state: 'detached' })
    await expect.poll(() => page.getByRole('table', { name: 'Phone numbers' }).getByRole('row', { name: new RegExp(bought.replace(/\+/g, '\\+')) }).count()).toBe(0)
  })

  it('deletes the agent only after confirming', async () => {
    await nav('Agents')
    await page.getByRole('button', { name: `Delete ${AGENT}` }).click()
    const confirm = page.getByRole('alertdialog', { name: `Delete agent “${AGENT}”?` })
    await confirm.getByRole('button', { name: 'Cancel' }).click()
    await confirm.waitFor({ state: 'detached' })
    expect(await agentRow().count()).toBe(1)

    await page.getByRole('button', { name: `Delete ${AGENT}` }).click()
    await confirm.getByRole('button', { name: 'Delete agent' }).click()
    await confirm.waitFor({ state: 'detached' })
    await expect.poll(() => agentRow().count()).toBe(0)
  })

  it('draws the usage charts with today’s sandbox activity in them', async () => {
    // Some activity first, so the charts have bars to draw: one text and one short call.
    const status = await command<{ sandbox: { number: { phoneNumber: string } } }>('app.status', {})
    const to = status.sandbox.number.phoneNumber
    await command('sandbox.sms', { to, body: 'Usage check' })
    const { callId } = await command<{ callId: string }>('sandbox.dial', { to })
    await command('sandbox.hangup', { callId })

    await nav('Usage')
    const calls = page.getByRole('region', { name: 'Calls' })
    await expect.poll(() => calls.getByRole('definition').first().textContent()).toBe('1')
    await expect.poll(() => page.getByRole('figure', { name: 'Calls and messages per day' }).getAttribute('aria-describedby')).toBeTruthy()
    await page.getByRole('figure', { name: 'Calls and messages per day' }).getByText(/^1 call and [1-9]\d* messages? in the last 30 days; busiest: /).waitFor()
    // Per agent and per number, from the usage endpoints, each with its table.
    await page.getByRole('figure', { name: 'Per agent' }).getByRole('row', { name: /Sandbox Agent/ }).waitFor({ state: 'attached' })
    await page.getByRole('figure', { name: 'Per number' }).getByText(/^1 call and [1-9]\d* messages? since each number was bought/).waitFor()
    for (const name of ['Calls and messages per day', 'Calls and messages per month']) {
      const figure = page.getByRole('figure', { name })
      await figure.locator('svg.recharts-surface').first().waitFor()
      // Real bars, not just axes: at least one rectangle with a height.
      await expect.poll(() => figure.locator('path.recharts-rectangle').count()).toBeGreaterThan(0)
    }
    await page.getByRole('radio', { name: '90 days' }).click()
    await expect.poll(() => page.getByRole('figure', { name: 'Calls and messages per day' }).getByRole('row').count()).toBe(91)
    await page.getByRole('radio', { name: '30 days' }).click()
    await expect.poll(() => page.getByRole('figure', { name: 'Calls and messages per day' }).getByRole('row').count()).toBe(31)
    expect(await axeViolations('main')).toEqual([])
    await page.screenshot({ path: path.join(SHOTS, 'usage.png') })
  })
})
