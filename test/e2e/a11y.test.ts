import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seriousViolations } from './helpers/axe'
import { launchChromium } from './helpers/browser'
import { openFirstCall, openMessages, openUi, waitingCall, type Theme } from './helpers/scenes'
import { startServe, type ServeHandle } from './helpers/serve'

let serve: ServeHandle
let browser: Browser

beforeAll(async () => {
  serve = await startServe()
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
  })

  it('Monitor with a live call waiting for a person', async () => {
    await waitingCall(page, `Is the ${theme} room still free on Saturday?`)
    expect(await seriousViolations(page)).toEqual([])
  })

  it('Call view', async () => {
    await openFirstCall(page)
    await page.getByLabel('Reply to caller').waitFor()
    expect(await seriousViolations(page)).toEqual([])
  })

  it('Messages', async () => {
    await openMessages(page)
    expect(await seriousViolations(page)).toEqual([])
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
