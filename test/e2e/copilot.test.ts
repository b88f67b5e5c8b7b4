import path from 'node:path'
import { mkdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SHOTS } from './helpers/app'
import { seriousViolations } from './helpers/axe'
import { launchChromium } from './helpers/browser'
import { startServe, type ServeHandle } from './helpers/serve'

let serve: ServeHandle
let browser: Browser
let page: Page

// `--copilot suggest` and no key anywhere: the sandbox's simulated model drafts, over the same SDK path.
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  serve = await startServe(['--copilot', 'suggest'], { OPENAI_API_KEY: '', OPENAI_BASE_URL: '', SWITCHBOARD_COPILOT_MODEL: '' })
  browser = await launchChromium()
  // Its own context: axe needs one (browser.newPage's implicit context will not do).
  page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage()
  await page.goto(serve.ready.ui)
  await page.getByLabel('Mode: Sandbox').waitFor()
})
afterAll(async () => {
  await browser?.close()
  if (serve) expect(await serve.stop()).toBe(0)
})

const phone = () => page.getByRole('complementary', { name: 'Sandbox phone' })
const heard = () => page.getByRole('list', { name: 'Caller hears' })

async function say(text: string): Promise<void> {
  await phone().getByLabel('Say as the caller').fill(text)
  await phone().getByRole('button', { name: 'Say', exact: true }).click()
}

describe('the copilot in a real browser against `switchboard serve --copilot suggest`', () => {
  it('suggest: the draft streams into the reply box, Enter sends it, and the sandbox caller hears it', async () => {
    await phone().getByRole('button', { name: 'Dial' }).click()
    await say('Do you have a table for two tonight?')
    // A click opens the call with the reply box focused (an Enter now would send the draft).
    await page.getByRole('listbox', { name: 'Live calls' }).getByRole('option').first().click()
    await page.getByRole('log', { name: 'Transcript' }).waitFor()

    const box = page.getByLabel('Reply to caller')
    const drafted = 'Thanks for asking about "Do you have a table for two tonight?". Let me help you with that right away.'
    await expect.poll(() => box.inputValue()).toBe(drafted)
    await page.getByText('Drafted by simulated model').waitFor()
    await page.screenshot({ path: path.join(SHOTS, 'copilot-draft.png') })
    expect(await seriousViolations(page)).toEqual([])
    await box.press('Enter')

    await heard().getByText(drafted).waitFor()
    await expect.poll(() => box.inputValue()).toBe('')
    await phone().getByRole('button', { name: 'Hang up' }).click()
  })

  it('autopilot answers a sandbox call end to end; Take over stops it and the next turn waits for the person', async () => {
    await page.getByRole('button', { name: 'Settings' }).click()
    const section = page.getByRole('region', { name: 'Copilot' })
    // The radio shows the core's answer, so it turns on once the change is saved.
    await section.getByRole('radio', { name: 'Autopilot' }).click()
    await expect.poll(() => section.getByRole('radio', { name: 'Autopilot' }).isChecked()).toBe(true)
    await page.getByRole('button', { name: /Autopilot on/ }).waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await page.getByRole('button', { name: /^Monitor/ }).click()

    await phone().getByRole('button', { name: 'Dial' }).click()
    await say('What time do you close?')
    const answer = 'Thanks for asking about "What time do you close?". Let me help you with that right away.'
    await heard().getByText(answer).waitFor()

    await page.getByRole('listbox', { name: 'Live calls' }).getByRole('option').first().click()
    const transcript = page.getByRole('log', { name: 'Transcript' })
    await transcript.getByText('autopilot · simulated model').waitFor()
    const bar = page.getByRole('status', { name: 'Autopilot' })
    await bar.getByText('Autopilot answers this call').waitFor()
    await page.screenshot({ path: path.join(SHOTS, 'copilot-autopilot.png') })
    expect(await seriousViolations(page)).toEqual([])
    await bar.getByRole('button', { name: 'Take over' }).click()
    await bar.getByText('Taken over from autopilot').waitFor()

    await say('Can I bring my dog?')
    const box = page.getByLabel('Reply to caller')
    // The model's answer now lands in the box as a draft, finished, while the turn still waits:
    // autopilot would have sent it before finishing it, and the turn would be gone.
    const draft = 'Thanks for asking about "Can I bring my dog?". Let me help you with that right away.'
    await expect.poll(() => box.inputValue()).toBe(draft)
    await page.getByText('Drafted by simulated model · ').waitFor()
    await page.getByText('The caller is waiting').waitFor()
    expect(await heard().getByText(draft).count()).toBe(0)

    await box.fill('Dogs are welcome on the terrace.')
    await box.press('Enter')
    await heard().getByText('Dogs are welcome on the terrace.').waitFor()
    await expect.poll(() => transcript.getByText('autopilot · simulated model').count()).toBe(1)
  })
})
