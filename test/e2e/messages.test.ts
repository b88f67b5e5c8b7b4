import path from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { SHOTS, useApp } from './helpers/app'

let page: Page

useApp((app) => {
  page = app.page
})

const phone = (): Locator => page.getByRole('complementary', { name: 'Sandbox phone' })
/** The texts the sandbox contact has on its phone, as the phone lists them. */
const phoneTexts = (): Promise<string[]> => phone().getByRole('list', { name: 'Texts with the agent' }).getByRole('listitem').allTextContents()
const thread = (): Locator => page.getByRole('log', { name: 'Messages in this conversation' })

async function reply(text: string): Promise<void> {
  const box = page.getByLabel('Reply by SMS')
  await box.fill(text)
  await box.press('Enter')
}

describe('SMS in the sandbox, in a real browser against `switchboard serve`', () => {
  it('a text from the sandbox phone shows unread in Messages; the reply reaches the phone', async () => {
    await expect.poll(() => page.getByText('Sandbox', { exact: true }).first().isVisible()).toBe(true)
    await phone().getByLabel('Text as the contact').fill('Hi, are you open today?')
    await phone().getByRole('button', { name: 'Send text' }).click()

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /Messages/ }).click()
    const row = page.getByRole('listbox', { name: 'Conversations' }).getByRole('option').filter({ hasText: 'Hi, are you open today?' })
    await row.getByLabel('1 unread').waitFor({ timeout: 15_000 })

    await row.click()
    await thread().getByText('Hi, are you open today?').waitFor()
    await expect.poll(() => row.getByLabel(/unread/).count()).toBe(0)
    await reply('Yes, we are open until 6 pm.')
    await expect.poll(phoneTexts, { timeout: 10_000 }).toEqual(expect.arrayContaining([expect.stringContaining('Yes, we are open until 6 pm.')]))
  })

  it('a simulated carrier error leaves a failed bubble; Retry sends it, and it reaches the phone once', async () => {
    await phone().getByRole('button', { name: 'Make the next send fail (simulated carrier error)' }).click()
    await phone().getByText('The next text sent will fail.').waitFor()

    await reply('Shall I hold a table for you?')
    const failure = thread().getByRole('alert')
    await failure.waitFor({ timeout: 10_000 })
    expect(await failure.textContent()).toMatch(/Not sent — AgentPhone is unavailable for now \(503\): .*[Cc]arrier error/)
    // The text is kept in the bubble, the box is free, and nothing went out.
    await expect.poll(() => thread().getByText('Shall I hold a table for you?').count()).toBe(1)
    expect(await page.getByLabel('Reply by SMS').inputValue()).toBe('')
    const sentToPhone = async (): Promise<number> => (await phoneTexts()).filter((t) => t.includes('Shall I hold a table for you?')).length
    expect(await sentToPhone()).toBe(0)
    await page.screenshot({ path: path.join(SHOTS, 'messages-failed-send.png') })

    await thread().getByRole('button', { name: 'Retry' }).click()
    await expect.poll(sentToPhone, { timeout: 10_000 }).toBe(1)
    await expect.poll(() => thread().getByRole('alert').count()).toBe(0)
    await expect.poll(() => thread().getByText('Shall I hold a table for you?').count()).toBe(1)
    // Nothing sends it a second time behind the person's back.
    await page.getByRole('button', { name: 'Send reply' }).waitFor()
    expect(await sentToPhone()).toBe(1)
    await page.screenshot({ path: path.join(SHOTS, 'messages.png') })
  })

  it('fits the smallest supported window (1024×700): the reply box and Send reply stay on screen', async () => {
    await page.setViewportSize({ width: 1024, height: 700 })
    for (const control of [page.getByLabel('Reply by SMS'), page.getByRole('button', { name: 'Send reply' }), page.getByRole('button', { name: 'New message' })]) {
      const box = await control.boundingBox()
      expect(box).not.toBeNull()
      expect(box!.x + box!.width).toBeLessThanOrEqual(1024)
      expect(box!.y + box!.height).toBeLessThanOrEqual(700)
    }
    await page.screenshot({ path: path.join(SHOTS, 'messages-1024.png') })
  })
})
