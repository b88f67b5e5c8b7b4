import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from './helpers/browser'
import { openFirstCall, openMessages, openMonitor, openUi, waitingCall } from './helpers/scenes'
import { startServe, type ServeHandle } from './helpers/serve'

// Screens for a person to look at (not compared to a baseline): test-output/ is not committed.
const SHOTS = path.resolve('test-output/screenshots')

let serve: ServeHandle
let browser: Browser

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  serve = await startServe()
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  expect(await serve?.stop()).toBe(0)
})

const shot = (page: Page, name: string): Promise<Buffer> => page.screenshot({ path: path.join(SHOTS, `${name}.png`), animations: 'disabled', caret: 'hide' })

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

  it('Call view', async () => {
    await openFirstCall(page)
    await page.getByRole('log', { name: 'Transcript' }).getByText('Do you have a table for two tonight?').waitFor()
    await page.getByLabel('Reply to caller').fill('Yes, we have a table at eight.')
    expect((await shot(page, 'call-view')).length).toBeGreaterThan(0)
  })

  it('Sandbox phone, after the agent answered', async () => {
    await page.getByLabel('Reply to caller').press('Enter')
    const phone = page.getByRole('complementary', { name: 'Sandbox phone' })
    await expect
      .poll(() => phone.getByRole('list', { name: 'Caller hears' }).getByRole('listitem').allTextContents(), { timeout: 10_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining('Yes, we have a table at eight.')]))
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
})

describe('screenshots at 1280×800, dark theme', () => {
  it('Monitor with a waiting turn, then the Call view', async () => {
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
