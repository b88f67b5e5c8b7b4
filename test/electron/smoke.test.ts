/**
 * The built app under the real Electron, driven by Playwright: start with a temporary user-data
 * folder, answer a sandbox call, notification permission, the menu, window-state restore, quit
 * while the session is stopping, and relaunch. Runs wherever the Electron runtime is installed;
 * elsewhere the suite is skipped and says why.
 */
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { detectElectronRuntime } from './runtime'

const runtime = detectElectronRuntime()
if (!runtime.ok) console.warn(`[electron smoke] skipped: ${runtime.reason}`)

const profile = mkdtempSync(path.join(os.tmpdir(), 'switchboard-electron-'))
const launched: ElectronApplication[] = []

async function launch(): Promise<{ app: ElectronApplication; page: Page }> {
  if (!runtime.ok) throw new Error(runtime.reason)
  const app = await electron.launch({
    executablePath: runtime.binary,
    args: [path.resolve('.'), `--user-data-dir=${profile}`, ...runtime.args],
    env: { ...process.env, AGENTPHONE_API_KEY: '', ELECTRON_RENDERER_URL: '' },
    timeout: 60_000
  })
  launched.push(app)
  const page = await app.firstWindow()
  await page.getByLabel('Mode: Sandbox').waitFor({ timeout: 60_000 })
  return { app, page }
}

/** Quits the way a person does, twice in a row (the second lands while the session is stopping). */
async function quitTwice(app: ElectronApplication): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => app.process().once('exit', (code) => resolve(code)))
  await app.evaluate(({ app: electronApp }) => {
    electronApp.quit()
    electronApp.quit()
  })
  return exited
}

afterAll(async () => {
  for (const app of launched) await app.close().catch(() => undefined)
})

describe.skipIf(!runtime.ok)(`Electron smoke${runtime.ok ? '' : ` (skipped: ${runtime.reason})`}`, () => {
  it('starts on the app scheme with notifications granted and its own menu', async () => {
    const { app, page } = await launch()
    expect(page.url()).toBe('switchboard://app/index.html')
    expect(await page.evaluate('Notification.permission')).toBe('granted')
    expect(await page.evaluate('navigator.permissions.query({ name: "geolocation" }).then((s) => s.state)')).not.toBe('granted')
    const menu = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((item) => ({ label: item.label, roles: item.submenu?.items.map((sub) => (sub.role ? sub.role.toLowerCase() : sub.label)) ?? [] })) ?? [])
    const edit = menu.find((item) => item.label === 'Edit')
    expect(edit?.roles).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectall']))
    expect(menu.find((item) => /help/i.test(item.label))?.roles).toEqual(expect.arrayContaining(['Copy diagnostics']))
    expect(await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'))).toBe(profile)
  })

  it('answers a sandbox call from the window', async () => {
    const { page } = await launch()
    const phone = page.getByRole('complementary', { name: 'Sandbox phone' })
    await phone.getByRole('button', { name: 'Dial' }).click()
    await phone.getByLabel('Say as the caller').fill('Is the room free on Saturday?')
    await phone.getByRole('button', { name: 'Say', exact: true }).click()
    const row = page.getByRole('listbox', { name: 'Live calls' }).getByRole('option').first()
    await row.getByText('Waiting for you').waitFor()
    await row.click()
    await page.keyboard.press('Enter')
    const reply = page.getByLabel('Reply to caller')
    await reply.fill('Yes, it is.')
    await reply.press('Enter')
    await expect.poll(() => page.getByRole('list', { name: 'Caller hears' }).getByRole('listitem').allTextContents(), { timeout: 15_000 }).toEqual(
      expect.arrayContaining([expect.stringContaining('Yes, it is.')])
    )
  })

  it('puts the window back where it was after a relaunch, and a quit during the stop still leaves cleanly', async () => {
    const first = await launch()
    await first.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.setBounds({ x: 40, y: 60, width: 1100, height: 760 }))
    expect(await quitTwice(first.app)).toBe(0)
    // The lock and the journal were released: the relaunch starts, with the window where it was.
    const second = await launch()
    const bounds = await second.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getBounds())
    expect(bounds).toMatchObject({ width: 1100, height: 760 })
    expect(await quitTwice(second.app)).toBe(0)
  })
})
