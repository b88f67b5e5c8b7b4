import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { BridgeDriver } from './helpers/bridge-driver'
import { useApp } from './helpers/app'
import type { ServeHandle } from './helpers/serve'

let serve: ServeHandle
let page: Page
let driver: BridgeDriver

useApp(
  (app) => {
    ;({ serve, page } = app)
    driver = app.driver!
  },
  { driver: true }
)

const nav = (name: RegExp) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name })
const hash = (): Promise<string> => page.evaluate<string>('location.hash')

describe('the console keeps your place: addresses, refresh, Back and Forward', () => {
  it('gives each view, call and thread an address; a refresh returns to it; Back and Forward move between them', async () => {
    // The bridge took its token from the address it was opened with; the view's address replaced it.
    expect(serve.ready.ui).toContain('#token=')
    await expect.poll(hash).toBe('#/monitor')

    await nav(/^Agents/).click()
    await expect.poll(hash).toBe('#/agents')
    await nav(/^Usage/).click()
    await expect.poll(hash).toBe('#/usage')
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Usage' }).waitFor()
    expect(await hash()).toBe('#/usage')

    await page.goBack()
    await page.getByRole('heading', { level: 1, name: 'Agents' }).waitFor()
    expect(await hash()).toBe('#/agents')
    await page.goForward()
    await page.getByRole('heading', { level: 1, name: 'Usage' }).waitFor()

    // A call: its own address, kept across a refresh, and Back leaves it for the board.
    const status = await driver.call<{ sandbox: { number: { phoneNumber: string } } }>('app.status')
    const { callId } = await driver.call<{ callId: string }>('sandbox.dial', { to: status.sandbox.number.phoneNumber })
    await driver.call('sandbox.say', { callId, text: 'Is there parking nearby?' })
    await nav(/^Monitor/).click()
    await page.getByRole('listbox', { name: 'Live calls' }).getByRole('option').first().click()
    await expect.poll(hash).toBe(`#/monitor/${callId}`)
    await page.reload()
    await page.getByRole('log', { name: 'Transcript' }).getByText('Is there parking nearby?').waitFor()
    await page.getByLabel('Reply to caller').waitFor()
    await page.goBack()
    await page.getByRole('listbox', { name: 'Live calls' }).waitFor()
    expect(await hash()).toBe('#/monitor')

    // A text thread, the same way.
    await driver.call('sandbox.sms', { to: status.sandbox.number.phoneNumber, body: 'Do you open at nine?' })
    await nav(/^Messages/).click()
    await page.getByRole('listbox', { name: 'Conversations' }).getByRole('option').filter({ hasText: 'Do you open at nine?' }).click()
    await expect.poll(hash).toMatch(/^#\/messages\/.+/)
    const threadAddress = await hash()
    await page.reload()
    await page.getByRole('log', { name: 'Messages in this conversation' }).getByText('Do you open at nine?').waitFor()
    expect(await hash()).toBe(threadAddress)

    // An address that names nothing leaves the console where it was.
    await page.evaluate('location.hash = "#/no-such-view"')
    await expect.poll(hash).toBe(threadAddress)
    await driver.call('sandbox.hangup', { callId })
    await driver.waitFor('call.ended', (c) => c.id === callId)

    // The same call read afterwards in History: its own address there too.
    await nav(/^History/).click()
    await expect.poll(hash).toBe('#/history')
    await page.getByRole('listbox', { name: 'Calls' }).getByRole('option').first().click()
    await expect.poll(hash).toBe(`#/history/${callId}`)
    await page.reload()
    await page.getByRole('log', { name: 'Transcript' }).getByText('Is there parking nearby?').waitFor()
    await page.goBack()
    await page.getByRole('listbox', { name: 'Calls' }).waitFor()
    expect(await hash()).toBe('#/history')
  })

  it('asks before Settings edits are lost: leaving the view, going Back, closing the tab', async () => {
    await nav(/^Settings/).click()
    const holding = page.getByLabel('Holding line', { exact: true })
    await holding.fill('Just a moment while I look.')
    await nav(/^Agents/).click()
    const ask = page.getByRole('alertdialog', { name: 'Leave without saving?' })
    await ask.getByText('Your changes to Voice turns are not saved yet').waitFor()
    await ask.getByRole('button', { name: 'Stay and save' }).click()
    expect(await hash()).toBe('#/settings')
    expect(await holding.inputValue()).toBe('Just a moment while I look.')

    // Back asks too, and staying keeps the address where the edits are.
    await page.goBack()
    await ask.waitFor()
    await ask.getByRole('button', { name: 'Stay and save' }).click()
    await expect.poll(hash).toBe('#/settings')

    // Closing or reloading the tab: the page asks the browser to confirm (this headless Chromium
    // never shows that prompt to a script, so the page's side of it is what is checked here).
    const unloadHeld = (): Promise<boolean> =>
      page.evaluate<boolean>(`(() => { const e = new Event('beforeunload', { cancelable: true }); window.dispatchEvent(e); return e.defaultPrevented })()`)
    expect(await unloadHeld()).toBe(true)

    // Saved: leaving is quiet, and the save said so.
    await page.getByRole('button', { name: 'Save voice turns' }).click()
    await page.getByText('Voice turn settings saved.').waitFor()
    expect(await unloadHeld()).toBe(false)
    await nav(/^Agents/).click()
    await expect.poll(hash).toBe('#/agents')
    expect(await ask.count()).toBe(0)
  })
})
