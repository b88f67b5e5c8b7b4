import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { SHOTS, useApp } from './helpers/app'
import type { BridgeDriver } from './helpers/bridge-driver'

/** What the test reads of the page's <audio> (the node types here have no DOM library). */
type AudioLike = { duration: number; currentTime: number; playbackRate: number }

let page: Page
let driver: BridgeDriver

useApp(
  (app) => {
    page = app.page
    driver = app.driver!
  },
  { driver: true }
)

/** A sandbox caller rings the agent, says `words`, the fallback answers, and the caller hangs up. */
async function finishedCall(words: string): Promise<string> {
  const status = await driver.call<{ sandbox: { number: { phoneNumber: string } } }>('app.status')
  const { callId } = await driver.call<{ callId: string }>('sandbox.dial', { to: status.sandbox.number.phoneNumber })
  await driver.call('calls.setAnswerer', { callId, answeredBy: 'fallback' })
  await driver.call('sandbox.say', { callId, text: words })
  await driver.waitFor('turn.closed', (t) => t.callId === callId)
  await driver.call('sandbox.hangup', { callId })
  await driver.waitFor('call.ended', (c) => c.id === callId)
  return callId
}

describe('History in a real browser against `switchboard serve`', () => {
  it('finds a finished sandbox call by a word its caller said, jumps to the line and plays its recording', async () => {
    await finishedCall('Hello, I am calling about my order')
    const callId = await finishedCall('The courier left a zebra-striped parcel at the wrong door')
    await finishedCall('Goodbye for now')

    await page.getByRole('button', { name: 'History', exact: true }).click()
    const list = page.getByRole('listbox', { name: 'Calls' })
    await expect.poll(() => list.getByRole('option').count(), { timeout: 15_000 }).toBe(3)
    await expect.poll(() => list.getByRole('option').first().getAttribute('aria-label')).toMatch(/answered by Fallback line/)

    await page.screenshot({ path: path.join(SHOTS, 'history-list.png') })

    await page.getByRole('searchbox').fill('zebra parcel')
    const results = page.getByRole('list', { name: 'Search results' })
    const hit = results.getByRole('button').first()
    await hit.waitFor()
    expect(await results.getByRole('button').count()).toBe(1)
    expect(await hit.locator('mark').allTextContents()).toEqual(['zebra', 'parcel'])
    await page.screenshot({ path: path.join(SHOTS, 'history-search.png') })
    await hit.click()

    const line = page.getByRole('log', { name: 'Transcript' }).locator('li[aria-current="true"]')
    await line.waitFor()
    expect(await line.textContent()).toContain('zebra-striped parcel')
    await expect.poll(() => line.evaluate((el) => el === (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement)).toBe(true)
    // The call has its own address; its id is behind a Copy button, not a label.
    expect(await page.evaluate<string>('location.hash')).toBe(`#/history/${encodeURIComponent(callId)}`)
    expect(await page.getByText(callId).count()).toBe(0)
    await page.getByRole('button', { name: 'Copy call ID' }).waitFor()

    // The recording: its own controls drive a real <audio> element, and time moves while it plays.
    const player = page.getByRole('group', { name: 'Recording player' })
    await player.waitFor()
    const audio = page.getByLabel('Call recording')
    await expect.poll(() => audio.evaluate((el) => (el as unknown as AudioLike).duration), { timeout: 10_000 }).toBeGreaterThan(0)
    await player.getByRole('combobox', { name: /Speed/ }).selectOption('2')
    await player.getByRole('button', { name: 'Play' }).click()
    await player.getByRole('button', { name: 'Pause' }).waitFor()
    await expect.poll(() => audio.evaluate((el) => (el as unknown as AudioLike).currentTime), { timeout: 10_000 }).toBeGreaterThan(0)
    expect(await audio.evaluate((el) => (el as unknown as AudioLike).playbackRate)).toBe(2)
    await page.screenshot({ path: path.join(SHOTS, 'history-call.png') })
    await player.getByRole('button', { name: 'Pause' }).click()
    await player.getByRole('button', { name: 'Play' }).waitFor()
  })
})
