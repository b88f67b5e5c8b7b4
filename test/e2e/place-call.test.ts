import path from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { SHOTS, useApp } from './helpers/app'

let page: Page

useApp((app) => {
  page = app.page
})

const phone = (): Locator => page.getByRole('complementary', { name: 'Sandbox phone' })
const liveRows = (): Locator => page.getByRole('listbox', { name: 'Live calls' }).getByRole('option')

async function openDialog(): Promise<Locator> {
  await page.getByRole('button', { name: 'Place call' }).click()
  const dialog = page.getByRole('dialog', { name: 'Place a call' })
  // The agent list has loaded once the sandbox agent is the chosen caller.
  await expect.poll(() => dialog.getByLabel('Agent').locator('option:checked').textContent()).toContain('Sandbox Agent')
  return dialog
}

describe('placing a call in the sandbox, in a real browser against `switchboard serve`', () => {
  it('refuses an invalid number inside the dialog, and no call appears', async () => {
    await expect.poll(() => page.getByText('Sandbox', { exact: true }).first().isVisible()).toBe(true)
    const dialog = await openDialog()
    await dialog.getByLabel('Number to call').fill('12')
    await dialog.getByRole('button', { name: 'Place call', exact: true }).click()
    const refusal = dialog.getByRole('alert')
    await refusal.waitFor()
    expect(await refusal.textContent()).toMatch(/cannot be called: That is too short/)
    expect(await dialog.getByLabel('Number to call').inputValue()).toBe('12')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(await liveRows().count()).toBe(0)
    expect(await phone().getByRole('button', { name: 'Answer' }).count()).toBe(0)
  })

  it('places a call to the sandbox phone: it rings, and once answered the call is live in the Call view', async () => {
    await page.keyboard.press('c')
    const dialog = page.getByRole('dialog', { name: 'Place a call' })
    await dialog.waitFor()
    await dialog.getByRole('button', { name: 'Call the sandbox phone' }).click()
    await dialog.getByText('+15550100999').waitFor()
    // Before anything rings, it says what will: here the sandbox phone, not a stranger.
    await dialog.getByRole('status').getByText(/Rings the sandbox phone on the right/).waitFor()
    await page.screenshot({ path: path.join(SHOTS, 'place-call-dialog.png') })
    await dialog.getByRole('button', { name: 'Place call', exact: true }).click()
    await dialog.waitFor({ state: 'detached', timeout: 15_000 })

    // The new call is open in the Call view; the sandbox phone plays the person called.
    await page.getByRole('heading', { level: 1, name: /Sandbox phone/ }).waitFor()
    await phone().getByRole('button', { name: 'Answer' }).click()
    await page.getByRole('button', { name: 'End call' }).waitFor()
    await phone().getByLabel('Say as the caller').fill('Hello, who is calling?')
    await phone().getByRole('button', { name: 'Say', exact: true }).click()
    await page.getByRole('log', { name: 'Transcript' }).getByText('Hello, who is calling?').waitFor({ timeout: 15_000 })
    expect(await page.getByRole('button', { name: 'End call' }).isEnabled()).toBe(true)
    await page.screenshot({ path: path.join(SHOTS, 'place-call-live.png') })
  })

  it('a number ending in 9 reaches the simulated callee’s voicemail: the call ends and its recording plays in the Call view', async () => {
    await page.getByRole('button', { name: /Back to Monitor/ }).click()
    await page.keyboard.press('c')
    const dialog = page.getByRole('dialog', { name: 'Place a call' })
    await dialog.getByLabel('Number to call').fill('(415) 555-0129')
    await dialog.getByText('+14155550129').waitFor()
    await dialog.getByRole('status').getByText(/simulated callee, not a real phone\. It ends in 9, so it goes to voicemail/).waitFor()
    await dialog.getByRole('button', { name: 'Place call', exact: true }).click()
    await dialog.waitFor({ state: 'detached', timeout: 15_000 })
    await page.getByRole('heading', { level: 1, name: /Person called/ }).waitFor()
    // The <audio> has no controls of its own: the player's buttons drive it.
    const player = page.getByLabel('Call recording')
    await player.waitFor({ state: 'attached', timeout: 20_000 })
    await page.getByRole('group', { name: 'Recording player' }).getByRole('button', { name: 'Play' }).waitFor()
    // The WAV loads under the page's CSP (media-src blob:) and lasts as long as the call.
    await expect.poll(() => player.evaluate((a) => (a as unknown as { readyState: number }).readyState), { timeout: 10_000 }).toBeGreaterThanOrEqual(1)
    expect(await player.evaluate((a) => (a as unknown as { duration: number }).duration)).toBeGreaterThanOrEqual(1)
    await page.screenshot({ path: path.join(SHOTS, 'call-recording.png') })
  })
})
