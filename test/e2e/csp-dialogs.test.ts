/**
 * The built app's policies in real Chromium: the headless page (out/web with its header) and the
 * window's page (out/renderer served by the window's own `switchboard://` handler, here behind a
 * loopback HTTP server so Chromium can reach it). Opening a dialog makes the dialog library inject
 * its <style> element; no policy may refuse anything.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppRequestHandler } from '../../src-main/shell/app-protocol'
import { buildCsp } from '../../src-main/shell/csp'
import { launchChromium } from './helpers/browser'
import { startServe, type ServeHandle } from './helpers/serve'

let serve: ServeHandle
let browser: Browser
let windowServer: Server

/** Serves out/renderer through the window's protocol handler, headers and all. */
function startWindowServer(): Promise<string> {
  const handle = createAppRequestHandler(path.resolve('out/renderer'), buildCsp(null))
  windowServer = createServer((req, res) => {
    void handle(new Request(`switchboard://app${req.url ?? '/'}`, { method: req.method })).then(async (response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers))
      res.end(Buffer.from(await response.arrayBuffer()))
    })
  })
  return new Promise((resolve) => windowServer.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(windowServer.address() as AddressInfo).port}/index.html`)))
}

/** Opens `url` and records every CSP violation and console error from the first byte on. */
async function openRecorded(url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy|Refused to/i.test(message.text())) problems.push(message.text())
  })
  await page.exposeFunction('__reportViolation', (text: string) => problems.push(text))
  // Runs in the page (a string, since this file is typed without the DOM library).
  await page.addInitScript(`document.addEventListener('securitypolicyviolation', (e) =>
    window.__reportViolation(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber))`)
  await page.goto(url)
  return { page, problems }
}

/** Opens the keyboard-shortcut dialog and checks the dialog library really injected its style. */
async function openDialog(page: Page): Promise<void> {
  await page.locator('body').press('?')
  await page.getByRole('dialog').waitFor()
  expect(await page.locator('style').count()).toBeGreaterThan(0)
  await page.keyboard.press('Escape')
  await page.getByRole('dialog').waitFor({ state: 'detached' })
}

beforeAll(async () => {
  serve = await startServe()
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  windowServer?.close()
  expect(await serve?.stop()).toBe(0)
})

describe('no CSP error in the built app', () => {
  it('headless page: a dialog opens and closes without a violation', async () => {
    const { page, problems } = await openRecorded(serve.ready.ui)
    await page.getByLabel('Mode: Sandbox').waitFor()
    await openDialog(page)
    expect(problems).toEqual([])
    await page.close()
  })

  it("window page (the app scheme's header and meta): a dialog opens without a violation", async () => {
    const { page, problems } = await openRecorded(await startWindowServer())
    await page.locator('#root *').first().waitFor()
    await openDialog(page)
    expect(problems).toEqual([])
    await page.close()
  })
})
