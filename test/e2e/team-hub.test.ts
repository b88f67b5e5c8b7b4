import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { ServeHandle } from './helpers/serve'
import { useApp } from './helpers/app'
import { waitingCall } from './helpers/scenes'

let serve: ServeHandle
let browser: Browser
let page: Page

useApp((app) => {
  ;({ serve, browser, page } = app)
})

/** A teammate's browser on the same headless hub, under its own name. */
async function teammate(name: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  await context.addInitScript(`localStorage.setItem('switchboard.operator', ${JSON.stringify(name)})`)
  const other = await context.newPage()
  await other.goto(serve.ready.ui)
  await other.getByLabel('Mode: Sandbox').waitFor()
  return other
}

async function openWaitingCall(p: Page): Promise<void> {
  await p.getByRole('listbox', { name: 'Live calls' }).getByRole('option').first().click()
  await p.keyboard.press('Enter')
  await p.getByRole('log', { name: 'Transcript' }).waitFor()
}

describe('several people on one headless hub', () => {
  it('shows everyone the same waiting turn; once one starts answering, the other sees who and cannot send', async () => {
    const grace = await teammate('Grace')
    const alan = await teammate('Alan')
    await waitingCall(page, 'Who can help me?')
    // The same board in every browser.
    await grace.getByRole('listbox', { name: 'Live calls' }).getByText('Waiting for you').waitFor()
    await alan.getByRole('listbox', { name: 'Live calls' }).getByText('Waiting for you').waitFor()

    await openWaitingCall(grace)
    await openWaitingCall(alan)
    await grace.getByLabel('Reply to caller').fill('Grace here, happy to help.')
    await alan.getByText('Grace is answering').waitFor()
    await alan.getByLabel('Reply to caller').fill('Alan here!')
    expect(await alan.getByRole('button', { name: 'Send', exact: true }).isDisabled()).toBe(true)

    await grace.getByLabel('Reply to caller').press('Enter')
    const heard = page.getByRole('list', { name: 'Caller hears' })
    await heard.getByText('Grace here, happy to help.').waitFor()
    expect(await heard.getByText('Alan here!').count()).toBe(0)
    await grace.context().close()
    await alan.context().close()
  })
})
