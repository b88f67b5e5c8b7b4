import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { ServeHandle } from './helpers/serve'
import { SHOTS, useApp } from './helpers/app'

let serve: ServeHandle
let page: Page

useApp((app) => {
  ;({ serve, page } = app)
})

/** What the sandbox caller has heard so far, as the phone panel lists it. */
async function heard(p: Page): Promise<string[]> {
  return p.getByRole('list', { name: 'Caller hears' }).getByRole('listitem').allTextContents()
}

async function dialAndSay(p: Page, text: string): Promise<void> {
  const phone = p.getByRole('complementary', { name: 'Sandbox phone' })
  await phone.getByRole('button', { name: 'Dial' }).click()
  await phone.getByLabel('Say as the caller').fill(text)
  await phone.getByRole('button', { name: 'Say', exact: true }).click()
}

describe('a sandbox call answered by a person, in a real browser against `switchboard serve`', () => {
  it('dials the sandbox agent, shows the waiting turn, and the typed reply is what the caller hears', async () => {
    await expect.poll(() => page.getByText('Sandbox', { exact: true }).first().isVisible()).toBe(true)
    await dialAndSay(page, 'Do you have a table for two tonight?')

    const row = page.getByRole('listbox', { name: 'Live calls' }).getByRole('option').first()
    await row.getByText('Waiting for you').waitFor()
    await expect.poll(() => row.getByRole('timer').count()).toBe(1)
    await page.screenshot({ path: path.join(SHOTS, 'monitor-waiting-turn.png') })

    await row.click()
    await page.keyboard.press('Enter')
    await page.getByRole('log', { name: 'Transcript' }).getByText('Do you have a table for two tonight?').waitFor()
    const reply = page.getByLabel('Reply to caller')
    await reply.fill('Yes, we have a table at eight.')
    await reply.press('Enter')

    await expect.poll(() => heard(page), { timeout: 10_000 }).toEqual(expect.arrayContaining([expect.stringContaining('Yes, we have a table at eight.')]))
    await page.screenshot({ path: path.join(SHOTS, 'call-view-replied.png') })
  })

  it('keeps the turn open on an interim reply and closes it with the final one', async () => {
    const phone = page.getByRole('complementary', { name: 'Sandbox phone' })
    await phone.getByLabel('Say as the caller').fill('Can I bring a dog?')
    await phone.getByRole('button', { name: 'Say', exact: true }).click()
    await page.getByRole('log', { name: 'Transcript' }).getByText('Can I bring a dog?').waitFor()

    const reply = page.getByLabel('Reply to caller')
    const waiting = page.getByText('The caller is waiting')
    await waiting.waitFor()
    await reply.fill('Let me ask the manager.')
    await reply.press('Control+Enter')
    await expect.poll(() => heard(page)).toEqual(expect.arrayContaining([expect.stringContaining('Let me ask the manager.')]))
    // Still open: an interim line keeps the caller waiting for the final answer.
    expect(await waiting.isVisible()).toBe(true)

    await reply.fill('Dogs are welcome on the terrace.')
    await reply.press('Enter')
    await expect.poll(() => heard(page)).toEqual(expect.arrayContaining([expect.stringContaining('Dogs are welcome on the terrace.')]))
    await expect.poll(() => waiting.count()).toBe(0)
  })
})

describe('the headless shell refuses strangers', () => {
  it('refuses a bridge connection with a wrong token', async () => {
    const wrong = serve.ready.bridge.replace(/token=[^&]+/, 'token=not-the-token')
    const outcome = await page.evaluate(
      (url) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(url)
          ws.onopen = () => resolve('open')
          ws.onerror = () => resolve('refused')
        }),
      wrong
    )
    expect(outcome).toBe('refused')
  })
})
