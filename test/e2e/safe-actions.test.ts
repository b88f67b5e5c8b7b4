import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { BridgeDriver } from './helpers/bridge-driver'
import { useApp } from './helpers/app'

let page: Page
let driver: BridgeDriver

useApp(
  (app) => {
    page = app.page
    driver = app.driver!
  },
  { driver: true }
)

const phone = (): Locator => page.getByRole('complementary', { name: 'Sandbox phone' })
const heard = (): Promise<string[]> => phone().getByRole('list', { name: 'Caller hears' }).getByRole('listitem').allTextContents()

/** A sandbox call with a turn waiting, open in the Call view. */
async function waitingCallOpen(said: string): Promise<string> {
  await phone().getByRole('button', { name: 'Dial' }).click()
  await phone().getByLabel('Say as the caller').fill(said)
  await phone().getByRole('button', { name: 'Say', exact: true }).click()
  const opened = await driver.waitFor('turn.opened', (d) => String(d.transcript) === said)
  await page.getByRole('listbox', { name: 'Live calls' }).getByRole('option').filter({ hasText: said }).click()
  await page.getByText('The caller is waiting').waitFor()
  return String(opened.callId)
}

describe('actions that cannot be undone ask first, in a real browser', () => {
  it('w with nobody waiting says so', async () => {
    await page.keyboard.press('w')
    await page.getByRole('region', { name: 'Notifications' }).getByText('Nobody is waiting for an answer right now.').waitFor()
  })

  it('keys pressed on a turn keep it open unless chosen; the caller hears them', async () => {
    const callId = await waitingCallOpen('Press one for sales?')
    const pad = page.getByRole('group', { name: 'Reply keypad' })
    await pad.getByRole('button', { name: 'Digit 1' }).click()
    await page.getByRole('button', { name: 'Press keys', exact: true }).click()
    await expect.poll(heard).toEqual(expect.arrayContaining([expect.stringContaining('pressed 1')]))
    // Still the same turn: the countdown is there and a spoken answer can follow.
    expect(await page.getByText('The caller is waiting').isVisible()).toBe(true)
    await page.getByLabel('Reply to caller').fill('Putting you through to sales.')
    await page.getByLabel('Reply to caller').press('Enter')
    await expect.poll(heard).toEqual(expect.arrayContaining([expect.stringContaining('Putting you through to sales.')]))
    await driver.call('sandbox.hangup', { callId })
    await page.getByRole('button', { name: /Back to Monitor/ }).click()
  })

  it('transfers to a typed number only once confirmed, and the transcript says where the call went', async () => {
    const callId = await waitingCallOpen('Can I talk to a person?')
    await page.getByRole('button', { name: 'Transfer' }).click()
    const ask = page.getByRole('alertdialog', { name: 'Transfer this call?' })
    await ask.getByText('has no transfer number yet: type one').waitFor()
    await ask.getByRole('button', { name: 'Cancel' }).click()
    expect(driver.events.some((e) => e.event === 'call.ended' && e.data.id === callId)).toBe(false)

    await page.getByLabel('Reply to caller').press('Alt+t')
    await ask.getByLabel('Number to transfer to').fill('(415) 555-0177')
    await ask.getByRole('button', { name: 'Transfer to +1 415 555 0177' }).click()
    const ended = await driver.waitFor('call.ended', (d) => d.id === callId)
    expect(ended.outcome).toMatchObject({ kind: 'transferred', detail: '+14155550177' })
    await page.getByRole('log', { name: 'Transcript' }).getByText('Transferred to +1 415 555 0177').waitFor()
    await expect.poll(heard).toEqual(expect.arrayContaining([expect.stringContaining('the agent transfers you')]))
    await page.getByRole('button', { name: /Back to Monitor/ }).click()
    // The typed number was the agent's for this transfer only: once the call has ended the agent
    // has its own again (none), so the next transfer asks for a number as before.
    const status = await driver.call<{ sandbox: { agent: { id: string } } }>('app.status')
    const transferNumber = async () => (await driver.call<{ transferNumber: string | null }>('agents.get', { agentId: status.sandbox.agent.id })).transferNumber ?? null
    await expect.poll(transferNumber).toBeNull()
  })

  it('says a line and hangs up only after a yes', async () => {
    const callId = await waitingCallOpen('That is all, thanks.')
    await page.getByRole('checkbox', { name: 'Hang up after speaking' }).check()
    await page.getByLabel('Reply to caller').fill('Goodbye, and thank you!')
    await page.getByLabel('Reply to caller').press('Enter')
    const ask = page.getByRole('alertdialog', { name: 'Say this and hang up?' })
    await ask.getByText('“Goodbye, and thank you!”, then the call ends').waitFor()
    await ask.getByRole('button', { name: 'Say it and hang up' }).click()
    const ended = await driver.waitFor('call.ended', (d) => d.id === callId)
    expect(ended.outcome).toMatchObject({ kind: 'ended_by_you' })
    await expect.poll(heard).toEqual(expect.arrayContaining([expect.stringContaining('Goodbye, and thank you!')]))
  })
})
