import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'
import { BridgeDriver } from './bridge-driver'
import { launchChromium } from './browser'
import { startServe, type ServeHandle } from './serve'

/** Where the end-to-end tests leave their screenshots (not committed). */
export const SHOTS = path.resolve('test-output/screenshots')

export interface AppUnderTest {
  serve: ServeHandle
  browser: Browser
  page: Page
  /** A second bridge client for the test itself (callers, setup), when asked for. */
  driver: BridgeDriver | null
}

export interface AppOptions {
  viewport?: { width: number; height: number }
  driver?: boolean
}

/**
 * Starts `switchboard serve` in sandbox mode and opens its UI in Chromium for one test file; stops
 * both after it, checking the shell exits cleanly. `bind` hands the parts to the file's variables.
 */
export function useApp(bind: (app: AppUnderTest) => void, options: AppOptions = {}): void {
  let app: AppUnderTest | undefined
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    const serve = await startServe()
    const driver = options.driver ? await BridgeDriver.connect(serve.ready.bridge) : null
    const browser = await launchChromium()
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1280, height: 800 } })
    await page.goto(serve.ready.ui)
    await page.getByLabel('Mode: Sandbox').waitFor()
    app = { serve, browser, page, driver }
    bind(app)
  })
  afterAll(async () => {
    app?.driver?.close()
    await app?.browser.close()
    if (app) expect(await app.serve.stop()).toBe(0)
  })
}
