import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BridgeDriver } from './helpers/bridge-driver'
import { launchChromium } from './helpers/browser'
import { openFirstCall, openMessages, openMonitor, openUi, waitingCall } from './helpers/scenes'
import { startServe, type ServeHandle } from './helpers/serve'

// Screens for a person to look at (not compared to a baseline): test-output/ is not committed.
// The README links the ones named here.
const SHOTS = path.resolve('test-output/screenshots')

let serve: ServeHandle
let browser: Browser

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  serve = await startServe()
  // A long turn, so the Call view is still waiting when it is photographed on a busy machine.
  const driver = await BridgeDriver.connect(serve.ready.bridge)
  await driver.call('settings.update', { webhookTimeoutSeconds: 120, deadlineMarginSeconds: 3, quickReplies: ['One moment, let me check that for you.', 'Could you repeat that, please?', 'Thank you for calling. Goodbye!'] })
  driver.close()
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  expect(await serve?.stop()).toBe(0)
})

const shot = (page: Page, name: string): Promise<Buffer> => page.screenshot({ path: path.join(SHOTS, `${name}.png`), animations: 'disabled', caret: 'hide' })
const nav = (page: Page, name: RegExp) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click()

describe('screenshots at 1280×800', () => {
  let page: Page

  beforeAll(async () => {
    page = await openUi(browser, serve.ready.ui, 'light')
  })

  afterAll(async () => {
    await page?.context().close()
  })

  it('Monitor with a waiting turn', async () => {
    await waitingCall(page, 'Do you have a table for two tonight?')
    expect((await shot(page, 'monitor-waiting')).length).toBeGreaterThan(0)
  })

  it('Call view, and its transfer choice', async () => {
    await openFirstCall(page)
    await page.getByRole('log', { name: 'Transcript' }).getByText('Do you have a table for two tonight?').waitFor()
    await page.getByLabel('Reply to caller').fill('Yes, we have a table at eight.')
    expect((await shot(page, 'call-view')).length).toBeGreaterThan(0)
    await page.getByRole('button', { name: 'Transfer' }).click()
    await page.getByRole('alertdialog', { name: 'Transfer this call?' }).getByLabel('Number to transfer to').fill('415 555 0177')
    expect((await shot(page, 'transfer-dialog')).length).toBeGreaterThan(0)
    await page.keyboard.press('Escape')
  })

  it('Sandbox phone, after the agent answered; the call once over', async () => {
    await page.getByLabel('Reply to caller').press('Enter')
    const phone = page.getByRole('complementary', { name: 'Sandbox phone' })
    await expect
      .poll(() => phone.getByRole('list', { name: 'Caller hears' }).getByRole('listitem').allTextContents(), { timeout: 10_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining('Yes, we have a table at eight.')]))
    await phone.getByRole('button', { name: 'Hang up' }).click()
    await page.getByRole('main').getByText('Caller hung up').first().waitFor()
    expect((await shot(page, 'call-ended')).length).toBeGreaterThan(0)
    await openMonitor(page)
    expect((await shot(page, 'sandbox-phone')).length).toBeGreaterThan(0)
  })

  it('Messages, with a conversation open', async () => {
    const phone = page.getByRole('complementary', { name: 'Sandbox phone' })
    await phone.getByLabel('Text as the contact').fill('Hi, are you open on Sunday?')
    await phone.getByRole('button', { name: 'Send text' }).click()
    await openMessages(page)
    const row = page.getByRole('listbox', { name: 'Conversations' }).getByRole('option').filter({ hasText: 'Hi, are you open on Sunday?' })
    await row.click({ timeout: 15_000 })
    await page.getByRole('log', { name: 'Messages in this conversation' }).getByText('Hi, are you open on Sunday?').waitFor()
    expect((await shot(page, 'messages')).length).toBeGreaterThan(0)
  })

  it('Agents, Settings and the shortcut sheet', async () => {
    await nav(page, /^Agents/)
    await page.getByRole('table', { name: 'Agents' }).getByText('Sandbox Agent').waitFor()
    expect((await shot(page, 'agents')).length).toBeGreaterThan(0)
    await nav(page, /^Settings/)
    await page.getByLabel('Holding line', { exact: true }).waitFor()
    expect((await shot(page, 'settings')).length).toBeGreaterThan(0)
    await page.getByRole('heading', { level: 1, name: 'Settings' }).click()
    await page.keyboard.press('?')
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor()
    expect((await shot(page, 'shortcuts')).length).toBeGreaterThan(0)
    await page.keyboard.press('Escape')
  })
})

describe('screenshots at 1024×700 and in the dark theme', () => {
  it('Monitor and the Call view at the smallest supported size', async () => {
    const page = await openUi(browser, serve.ready.ui, 'light')
    try {
      await page.setViewportSize({ width: 1024, height: 700 })
      await waitingCall(page, 'Can I change my booking to Friday?')
      await shot(page, 'monitor-1024')
      await openFirstCall(page)
      await page.getByRole('log', { name: 'Transcript' }).getByText('Can I change my booking to Friday?').waitFor()
      expect((await shot(page, 'call-view-1024')).length).toBeGreaterThan(0)
      // Over before the next page dials, so its waiting call is the one at the top.
      await page.getByRole('complementary', { name: 'Sandbox phone' }).getByRole('button', { name: 'Hang up' }).click()
      await page.getByRole('main').getByText('Caller hung up').first().waitFor()
    } finally {
      await page.context().close()
    }
  })

  it('Monitor with a waiting turn, then the Call view, dark', async () => {
    const page = await openUi(browser, serve.ready.ui, 'dark')
    try {
      await waitingCall(page, 'Can I bring my dog?')
      await shot(page, 'monitor-waiting-dark')
      await openFirstCall(page) // the waiting call sorts to the top
      await page.getByRole('log', { name: 'Transcript' }).getByText('Can I bring my dog?').waitFor()
      expect((await shot(page, 'call-view-dark')).length).toBeGreaterThan(0)
    } finally {
      await page.context().close()
    }
  })
})
