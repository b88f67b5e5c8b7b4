import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seriousViolations } from './helpers/axe'
import { BridgeDriver } from './helpers/bridge-driver'
import { launchChromium } from './helpers/browser'
import { openFirstCall, openUi, waitingCall, type Theme } from './helpers/scenes'
import { startServe, type ServeHandle } from './helpers/serve'

let serve: ServeHandle
let browser: Browser

beforeAll(async () => {
  serve = await startServe()
  // Turns wait two minutes here: checking a page takes seconds, and the Transfer check needs the turn open.
  const driver = await BridgeDriver.connect(serve.ready.bridge)
  await driver.call('settings.update', { webhookTimeoutSeconds: 120, deadlineMarginSeconds: 3 })
  driver.close()
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  expect(await serve?.stop()).toBe(0)
})

describe.each<Theme>(['light', 'dark'])('accessibility, %s theme (axe: no serious or critical violations)', (theme) => {
  let page: Page

  beforeAll(async () => {
    page = await openUi(browser, serve.ready.ui, theme)
  })

  afterAll(async () => {
    await page?.context().close()
    // Each theme checks its own call: the next one must not find this one first in the list.
    const driver = await BridgeDriver.connect(serve.ready.bridge)
    const live = await driver.call<{ items: Array<{ id: string }> }>('calls.list', { live: true })
    for (const call of live.items) {
      const ended = driver.waitFor('call.ended', (c) => c.id === call.id)
      await driver.call('calls.end', { callId: call.id })
      await ended
    }
    driver.close()
  })

  it('Monitor with a live call waiting for a person', async () => {
    await waitingCall(page, `Is the ${theme} room still free on Saturday?`)
    expect(await seriousViolations(page)).toEqual([])
  })

  it('Call view, and its confirmations (end, transfer)', async () => {
    await openFirstCall(page)
    await page.getByLabel('Reply to caller').waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await page.getByRole('button', { name: 'End call' }).click()
    await page.getByRole('alertdialog', { name: 'End this call?' }).waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Transfer' }).click()
    await page.getByRole('alertdialog', { name: 'Transfer this call?' }).getByLabel('Number to transfer to').fill('415 555 01')
    expect(await seriousViolations(page)).toEqual([])
    await page.keyboard.press('Escape')
  })

  it('Place call, New message and the shortcut sheet, opened from any view', async () => {
    for (const [key, name] of [
      ['c', 'Place a call'],
      ['n', 'New message'],
      ['?', 'Keyboard shortcuts']
    ] as const) {
      await page.getByRole('heading', { level: 1 }).first().click()
      await page.keyboard.press(key)
      await page.getByRole('dialog', { name }).waitFor()
      expect(await seriousViolations(page)).toEqual([])
      await page.keyboard.press('Escape')
      await page.getByRole('dialog', { name }).waitFor({ state: 'detached' })
    }
  })

  it('every view in the navigation, whichever views it has', async () => {
    // A text first, so Messages shows a thread rather than its empty state.
    const phone = page.getByRole('complementary', { name: 'Sandbox phone' })
    await phone.getByLabel('Text as the contact').fill(`Checking in (${theme})`)
    await phone.getByRole('button', { name: 'Send text' }).click()
    const nav = page.getByRole('navigation', { name: 'Main' })
    const names = (await nav.getByRole('button').allTextContents()).map((t) => t.replace(/\d+$/, '').trim())
    expect(names.length).toBeGreaterThanOrEqual(8)
    const checked: string[] = []
    for (const name of names) {
      await nav.getByRole('button', { name: new RegExp(`^${name}`) }).click()
      await page.getByRole('heading', { level: 1, name }).first().waitFor()
      if (name === 'Messages') {
        await page.getByRole('listbox', { name: 'Conversations' }).getByRole('option').first().click()
        await page.getByRole('log', { name: 'Messages in this conversation' }).waitFor()
      }
      if (name === 'Webhooks') {
        expect([name, await seriousViolations(page)]).toEqual([name, []])
        await page.getByRole('tab', { name: 'Inspector' }).click()
      }
      // The view has settled once nothing in it says it is loading.
      await expect.poll(() => page.getByRole('main').getByText(/^Loading/).count(), { timeout: 15_000 }).toBe(0)
      expect([name, await seriousViolations(page)]).toEqual([name, []])
      checked.push(name)
    }
    expect(checked).toEqual(names)
  })

  it('History, its search results, and a call afterwards', async () => {
    await page.getByRole('button', { name: 'History', exact: true }).click()
    await page.getByRole('listbox', { name: 'Calls' }).getByRole('option').first().waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await page.getByRole('searchbox').fill('room')
    await page.getByRole('list', { name: 'Search results' }).getByRole('button').first().waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await page.getByRole('list', { name: 'Search results' }).getByRole('button').first().click()
    await page.getByRole('form', { name: 'Note and tags' }).waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await page.getByRole('button', { name: /Back to History/ }).click()
    await page.getByRole('searchbox').fill('')
  })
})
