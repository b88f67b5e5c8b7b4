import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { BridgeDriver } from './helpers/bridge-driver'
import type { ServeHandle } from './helpers/serve'
import { useApp } from './helpers/app'
import { seriousViolations } from './helpers/axe'
import { openMonitor, waitingCall } from './helpers/scenes'

let serve: ServeHandle
let browser: Browser
let page: Page
let driver: BridgeDriver

useApp(
  (app) => {
    ;({ serve, browser, page } = app)
    driver = app.driver!
  },
  { driver: true }
)

/** A teammate's own browser (its own context: own storage, own socket) opened on their link. */
async function openLink(link: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const other = await context.newPage()
  await other.goto(link)
  await other.getByLabel('Mode: Sandbox').waitFor()
  return other
}

async function openWaitingCall(p: Page): Promise<void> {
  await p.getByRole('listbox', { name: 'Live calls' }).getByRole('option').first().click()
  await p.keyboard.press('Enter')
  await p.getByRole('log', { name: 'Transcript' }).waitFor()
}

async function openSettings(p: Page): Promise<void> {
  await p.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Settings/ }).or(p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Settings/ })).first().click()
  await p.getByRole('heading', { name: 'Settings', exact: true }).waitFor()
}

describe('a hub handed to a team', () => {
  it('the owner issues an operator link; the operator answers a turn, is refused Settings, and is told when the link is revoked', async () => {
    // The owner, in Settings › Team, makes Grace a link.
    await openSettings(page)
    const team = page.getByRole('region', { name: 'Team' }).or(page.locator('section', { has: page.getByRole('heading', { name: 'Team', exact: true }) }))
    await team.getByLabel('Name', { exact: true }).fill('Grace')
    await team.getByLabel('Role').selectOption('operator')
    await team.getByRole('button', { name: 'Create link' }).click()
    const link = await page.getByLabel('Personal link for Grace').inputValue()
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{64}$/)
    expect(link).not.toContain(new URL(serve.ready.bridge).searchParams.get('token')!)

    // Grace opens it in her own browser: the header says who she is.
    const grace = await openLink(link)
    await grace.locator('.who-chip', { hasText: 'Grace' }).waitFor()

    // She answers a caller's turn, and the caller hears it.
    await openMonitor(page)
    await waitingCall(page, 'Can someone help me?')
    await openWaitingCall(grace)
    await grace.getByLabel('Reply to caller').fill('Grace here, how can I help?')
    await grace.getByLabel('Reply to caller').press('Enter')
    await page.getByRole('list', { name: 'Caller hears' }).getByText('Grace here, how can I help?').waitFor()

    // Settings are for admins: she sees only her own part, and the hub would refuse her anyway.
    await openSettings(grace)
    await grace.getByText(/your link is an operator’s/).waitFor()
    expect(await grace.getByRole('heading', { name: 'Connection' }).count()).toBe(0)
    expect(await grace.getByRole('heading', { name: 'Team', exact: true }).count()).toBe(0)
    expect(await seriousViolations(grace)).toEqual([])

    // The owner sees what she did (here in a second window of the owner's, checked with axe too),
    // then revokes her link.
    const ownerAgain = await openLink(serve.ready.ui)
    await openSettings(ownerAgain)
    await ownerAgain.getByRole('list', { name: 'Team activity' }).getByText(/Grace.*answered a turn/).waitFor()
    expect(await seriousViolations(ownerAgain)).toEqual([])
    await ownerAgain.context().close()
    await openSettings(page)
    await page.getByRole('button', { name: 'Refresh' }).click()
    await page.getByRole('list', { name: 'Team activity' }).getByText(/Grace.*answered a turn/).waitFor()
    await page.getByRole('button', { name: "Revoke Grace's link" }).click()
    await page.getByRole('alertdialog').getByRole('button', { name: 'Revoke link' }).click()

    // Her page says so at once, and stops trying.
    await grace.getByText('An admin of this hub revoked or replaced your link').waitFor({ timeout: 5000 })
    await grace.getByRole('status', { name: 'Connection: Link revoked' }).waitFor()
    expect(await seriousViolations(grace)).toEqual([])
    await grace.context().close()

    // The caller hangs up, so the next test's caller can ring.
    const phone = page.getByRole('complementary', { name: 'Sandbox phone' })
    await phone.getByRole('button', { name: 'Hang up' }).click()
    await phone.getByRole('button', { name: 'Dial' }).waitFor()
  })

  it('two operators on one waiting turn: once one types, the other sees who and cannot send; the answer is the first one’s', async () => {
    const link = async (name: string): Promise<string> => {
      const issued = await driver.call<{ token: string }>('team.invite', { name, role: 'operator' })
      return `${new URL(serve.ready.ui).origin}/#token=${issued.token}`
    }
    const ada = await openLink(await link('Ada'))
    const alan = await openLink(await link('Alan'))
    await openMonitor(page)
    await waitingCall(page, 'Who can help me?')
    await openWaitingCall(ada)
    await openWaitingCall(alan)
    await ada.getByLabel('Reply to caller').fill('Ada here, happy to help.')
    await alan.getByText('Ada is answering').waitFor()
    await alan.getByLabel('Reply to caller').fill('Alan here!')
    expect(await alan.getByRole('button', { name: 'Send', exact: true }).isDisabled()).toBe(true)

    await ada.getByLabel('Reply to caller').press('Enter')
    const heard = page.getByRole('list', { name: 'Caller hears' })
    await heard.getByText('Ada here, happy to help.').waitFor()
    expect(await heard.getByText('Alan here!').count()).toBe(0)
    await ada.context().close()
    await alan.context().close()
  })
})
