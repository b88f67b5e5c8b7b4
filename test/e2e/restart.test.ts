import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BridgeDriver } from './helpers/bridge-driver'
import { launchChromium } from './helpers/browser'
import { startServe, type ServeHandle } from './helpers/serve'

/** A port nobody holds right now, to seed the data folder with (the app then remembers it). */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

let browser: Browser
let page: Page
let serve: ServeHandle | null = null
let dataDir: string

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-e2e-restart-'))
  // As if an earlier start had picked these ports: both starts below use them, with no port flags.
  writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ uiPort: await freePort(), receiverPort: await freePort() }))
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  if (serve) expect(await serve.stop()).toBe(0)
})

const connection = (p: Page) => p.getByRole('status', { name: /^Connection: / })

describe('a restart on the same data folder', () => {
  it('keeps the address, so the open tab reconnects by itself, with its preferences and the calls from before', async () => {
    serve = await startServe([], {}, { dataDir, rememberedPorts: true })
    const first = serve.ready
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(first.ui)
    await page.getByLabel('Mode: Sandbox').waitFor()

    // Preferences kept per origin: the theme, chosen in this tab.
    await page.getByRole('button', { name: /^Theme: Same as the system/ }).click()
    await page.getByRole('menuitemradio', { name: /^Light/ }).click()
    await page.getByRole('button', { name: /^Theme: Light/ }).waitFor()

    // A call before the restart, made and ended by a script on the bridge.
    const driver = await BridgeDriver.connect(first.bridge)
    const status = await driver.call<{ sandbox: { number: { phoneNumber: string } } }>('app.status')
    const { callId } = await driver.call<{ callId: string }>('sandbox.dial', { to: status.sandbox.number.phoneNumber })
    await driver.call('sandbox.hangup', { callId })
    driver.close()

    expect(await serve.stop()).toBe(0)
    serve = null
    await connection(page).getByText('Reconnecting…').waitFor()
    await page.getByText('Disconnected — reconnecting…').waitFor()

    serve = await startServe([], {}, { dataDir, rememberedPorts: true })
    // The same address, token included: the tab that is still open needs nothing new.
    expect(serve.ready.ui).toBe(first.ui)
    expect(serve.ready.bridge).toBe(first.bridge)
    expect(serve.ready.receiver).toBe(first.receiver)
    await connection(page).getByText('Connected').waitFor({ timeout: 30_000 })
    await expect.poll(() => page.getByText('Disconnected — reconnecting…').count()).toBe(0)

    // The call from before is in History, read back from the journal, with how it ended.
    await page.getByRole('button', { name: /Open History/ }).click()
    const calls = page.getByRole('listbox', { name: 'Calls' })
    await calls.getByRole('option', { name: /Caller hung up/ }).first().waitFor()
    await calls.getByRole('option', { name: /Caller hung up/ }).first().click()
    await page.getByRole('log', { name: 'Transcript' }).getByText('Caller hung up').waitFor()

    // Reloading the same address keeps the preferences and the token (kept for the tab).
    await page.reload()
    await page.getByLabel('Mode: Sandbox').waitFor()
    await page.getByRole('button', { name: /^Theme: Light/ }).waitFor()
    await connection(page).getByText('Connected').waitFor()
  })

  it('after --new-token, the open tab says its token is no longer accepted and how to get the new address', async () => {
    expect(await serve!.stop()).toBe(0)
    serve = await startServe(['--new-token'], {}, { dataDir, rememberedPorts: true })
    const alert = page.getByRole('alert').filter({ hasText: 'no longer accepts this tab’s access token' })
    await alert.waitFor({ timeout: 30_000 })
    expect(await alert.textContent()).toContain('--new-token')
    await connection(page).getByText('Not connected').waitFor()

    // The new address works, in the same origin: the preferences are still there.
    await page.goto(serve.ready.ui)
    await connection(page).getByText('Connected').waitFor()
    await page.getByRole('button', { name: /^Theme: Light/ }).waitFor()
  })
})
