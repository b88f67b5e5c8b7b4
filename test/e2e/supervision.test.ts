import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BridgeDriver } from './helpers/bridge-driver'
import { launchChromium } from './helpers/browser'
import { startServe, type ServeHandle } from './helpers/serve'

const SHOTS = path.resolve('test-output/screenshots')
const CALLERS = { a: '+14155550111', b: '+14155550122', c: '+14155550133' } as const
const SHOWN = { a: '+1 415 555 0111', b: '+1 415 555 0122', c: '+1 415 555 0133' } as const

let serve: ServeHandle
let driver: BridgeDriver
let browser: Browser
let page: Page
let agentNumber: string
let fallbackText: string

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  serve = await startServe()
  driver = await BridgeDriver.connect(serve.ready.bridge)
  // A short deadline keeps the test quick: turns fall back 6 s after they open.
  const settings = await driver.call<{ fallbackText: string }>('settings.update', { webhookTimeoutSeconds: 8, deadlineMarginSeconds: 2 })
  fallbackText = settings.fallbackText
  const status = await driver.call<{ sandbox: { number: { phoneNumber: string } } }>('app.status')
  agentNumber = status.sandbox.number.phoneNumber
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  await page.goto(serve.ready.ui)
  await page.getByLabel('Mode: Sandbox').waitFor()
})

afterAll(async () => {
  driver?.close()
  await browser?.close()
  expect(await serve?.stop()).toBe(0)
})

/** An attribute of the focused element (evaluated in the page; a string keeps DOM types out of Node's). */
const FOCUSED = (attr: string): string => `document.activeElement?.getAttribute('${attr}') ?? ''`
const board = (): ReturnType<Page['getByRole']> => page.getByRole('listbox', { name: 'Live calls' })

async function sayAndWaitForTurn(callId: string, text: string): Promise<void> {
  await driver.call('sandbox.say', { callId, text })
  await driver.waitFor('turn.opened', (d) => d.callId === callId)
}

/** Keyboard only: moves the board's selection down (wrapping to the top) until the caller's row. */
async function selectRow(shown: string): Promise<void> {
  await board().waitFor()
  for (let i = 0; i < 8; i++) {
    const label = (await board().getByRole('option', { selected: true }).getAttribute('aria-label')) ?? ''
    if (label.includes(shown)) return
    const last = (await board().getByRole('option').last().getAttribute('aria-selected')) === 'true'
    await page.keyboard.press(last ? 'Home' : 'ArrowDown')
  }
  throw new Error(`no row for ${shown}`)
}

describe('supervising three sandbox calls with the keyboard only', () => {
  it('answers the oldest waiting turn with w, lets one fall back, and ends one from the UI once confirmed', async () => {
    const ids = {
      a: (await driver.call<{ callId: string }>('sandbox.dial', { to: agentNumber, from: CALLERS.a })).callId,
      b: (await driver.call<{ callId: string }>('sandbox.dial', { to: agentNumber, from: CALLERS.b })).callId,
      c: (await driver.call<{ callId: string }>('sandbox.dial', { to: agentNumber, from: CALLERS.c })).callId
    }
    await expect.poll(() => board().getByRole('option').count()).toBe(3)

    await sayAndWaitForTurn(ids.a, 'I would like to move my appointment.')
    await board().getByRole('option').first().getByText('Waiting for you').waitFor()
    await page.screenshot({ path: path.join(SHOTS, 'monitor.png') })
    await sayAndWaitForTurn(ids.b, 'Is the shop open on Sunday?')
    await sayAndWaitForTurn(ids.c, 'Can I speak to someone?')

    // w: the oldest waiting turn (A's), reply box focused, ready to type.
    await page.keyboard.press('w')
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(SHOWN.a)
    await expect.poll(() => page.evaluate<string>(FOCUSED('aria-describedby'))).toMatch(/^reply-hints-/)
    await page.keyboard.type('Of course, Tuesday at ten works.')
    await page.keyboard.press('Enter')
    const heard = await driver.waitFor('sandbox.heard', (d) => d.callId === ids.a && d.interim === false)
    expect(heard.text).toBe('Of course, Tuesday at ten works.')

    // Nobody answers B: the fallback line speaks at its deadline.
    await driver.waitFor('turn.closed', (d) => d.callId === ids.b && d.outcome === 'fallback', 12_000)
    await page.keyboard.press('Escape') // leave the reply box
    await page.keyboard.press('Escape') // back to the Monitor, the keyboard on the board
    await expect.poll(() => page.evaluate<string>(FOCUSED('aria-label'))).toBe('Live calls')
    await selectRow(SHOWN.b)
    await page.keyboard.press('Enter')
    const log = page.getByRole('log', { name: 'Transcript' })
    const fallbackLine = log.getByRole('listitem').filter({ hasText: fallbackText }).filter({ hasText: 'Agent' })
    await fallbackLine.waitFor()
    expect(await fallbackLine.locator('.tag').allTextContents()).toContain('fallback line')
    await log.getByText('the fallback line answered').waitFor()
    await page.screenshot({ path: path.join(SHOTS, 'call-view.png') })

    // C: opened from the board and ended with Alt+E.
    await page.keyboard.press('Escape')
    await page.keyboard.press('Escape')
    await selectRow(SHOWN.c)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(SHOWN.c)
    // Alt+E asks first, with Cancel under the keyboard: Enter there keeps the call.
    await page.keyboard.press('Alt+E')
    const ask = page.getByRole('alertdialog', { name: 'End this call?' })
    await ask.waitFor()
    await page.keyboard.press('Enter')
    await ask.waitFor({ state: 'detached' })
    expect(driver.events.some((e) => e.event === 'call.ended' && e.data.id === ids.c)).toBe(false)
    await page.keyboard.press('Alt+E')
    await ask.waitFor()
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    const ended = await driver.waitFor('call.ended', (d) => d.id === ids.c)
    expect(ended.status).toBe('completed')
    // The state says how it ended: the person ended it.
    expect(ended.outcome).toMatchObject({ kind: 'ended_by_you' })
    await page.getByRole('main').getByText('Ended by you', { exact: true }).first().waitFor()
    expect(await page.getByRole('button', { name: 'End call' }).isDisabled()).toBe(true)
    // A and B are still live.
    expect(driver.events.some((e) => e.event === 'call.ended' && (e.data.id === ids.a || e.data.id === ids.b))).toBe(false)
  })
})
