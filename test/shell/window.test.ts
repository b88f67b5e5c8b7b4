import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createAppUrlPolicy } from '../../src-main/shell/app-url'
import { prepareSession } from '../../src-main/shell/prepare-session'
import { createMainWindow, SHOW_FALLBACK_MS } from '../../src-main/shell/window'
import { fakeClock } from '../server/helpers/fake-clock'
import { BrowserWindow, makeReady, Menu, nativeTheme, notificationPermission, pageBehaviour, requestPermission, resetElectronMock, session, showPageNotification } from './mocks/electron'

vi.mock('electron', () => import('./mocks/electron'))

const prod = createAppUrlPolicy()
let rendererDir: string

beforeEach(async () => {
  resetElectronMock()
  rendererDir = mkdtempSync(path.join(os.tmpdir(), 'renderer-'))
  mkdirSync(path.join(rendererDir, 'assets'))
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><div id="root"></div>')
  await makeReady()
  prepareSession(prod, rendererDir)
})

function open(policy = prod, clock = fakeClock()) {
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() }
  const window = createMainWindow({ preloadPath: '/opt/switchboard/out/preload/index.cjs', policy, logger, clock, platform: 'linux' }) as unknown as BrowserWindow
  return { window, clock, logger }
}

describe('main window', () => {
  it('uses secure webPreferences and the CJS preload, and loads the app scheme', () => {
    const { window } = open()
    expect(BrowserWindow.instances).toHaveLength(1)
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Off where dictionaries would come from a Google CDN.
      spellcheck: false,
      preload: '/opt/switchboard/out/preload/index.cjs'
    })
    expect(window.loadedUrl).toBe('switchboard://app/index.html')
  })

  it('denies window.open', () => {
    const { window } = open()
    expect(window.webContents.windowOpenHandler?.({ url: 'https://evil.example' })).toEqual({ action: 'deny' })
    expect(window.webContents.windowOpenHandler?.({ url: prod.entryUrl })).toEqual({ action: 'deny' })
  })

  it('prevents navigation and redirects to anything but the app', () => {
    const { window } = open()
    const { webContents } = window
    for (const name of ['will-navigate', 'will-redirect', 'will-frame-navigate'] as const) {
      expect(webContents.attempt(name, 'https://evil.example/')).toBe(true)
      expect(webContents.attempt(name, 'file:///etc/passwd')).toBe(true)
      expect(webContents.attempt(name, 'file:///opt/switchboard/out/renderer/index.html')).toBe(true)
      expect(webContents.attempt(name, 'switchboard://other/index.html')).toBe(true)
      expect(webContents.attempt(name, 'switchboard://app/index.html#/calls')).toBe(false)
    }
    const event = { preventDefault: vi.fn() }
    webContents.emit('will-attach-webview', event)
    expect(event.preventDefault).toHaveBeenCalled()
  })

  it('shows once painted', async () => {
    const { window } = open()
    expect(window.isVisible()).toBe(false)
    await vi.waitFor(() => expect(window.isVisible()).toBe(true))
  })

  it('shows anyway when the page never lays anything out, and says so', async () => {
    pageBehaviour.paints = false
    const { window, clock, logger } = open()
    await vi.waitFor(() => expect(window.webContents.mainFrame.url).toBe('switchboard://app/index.html'))
    expect(window.isVisible()).toBe(false)
    clock.advance(SHOW_FALLBACK_MS)
    expect(window.isVisible()).toBe(true)
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('did not paint'))
  })

  it('logs a failed load instead of swallowing it', async () => {
    pageBehaviour.fails = true
    const { logger } = open()
    await vi.waitFor(() => expect(logger.error).toHaveBeenCalled())
    expect(logger.error).toHaveBeenCalledWith('the window could not load the app', expect.objectContaining({ url: 'switchboard://app/index.html' }))
  })

  it('reloads a crashed renderer, but not in a crash loop', () => {
    const { window, clock } = open()
    for (let n = 0; n < 5; n += 1) window.webContents.crash()
    expect(window.webContents.reloads).toBe(3)
    clock.advance(61_000)
    window.webContents.crash()
    expect(window.webContents.reloads).toBe(4)
    window.webContents.crash('clean-exit')
    expect(window.webContents.reloads).toBe(4)
  })

  it('paints the OS theme behind the page, and follows it', () => {
    const { window } = open()
    expect(window.backgroundColor).toBe('#111418')
    nativeTheme.setDark(false)
    expect(window.backgroundColor).toBe('#f7f8fa')
  })

  it('offers cut, copy and paste on right click in a text field, and suggestions for a misspelling', () => {
    const { window } = open()
    const popups = vi.spyOn(Menu, 'buildFromTemplate')
    window.webContents.emit('context-menu', {}, { isEditable: true, selectionText: '', misspelledWord: 'helo', dictionarySuggestions: ['hello', 'help'] })
    const menu = popups.mock.results[0]?.value as Menu
    expect(menu.flat().map((i) => i.label ?? i.role ?? i.type)).toEqual(['hello', 'help', 'separator', 'cut', 'copy', 'paste', 'separator', 'selectAll'])
    expect(menu.popup).toHaveBeenCalled()
    menu.find('hello')?.click?.()
    expect(window.webContents.replaceMisspelling).toHaveBeenCalledWith('hello')
  })
})

describe('session: the app scheme, its CSP header and permissions', () => {
  it('serves the window from switchboard://app with the policy as a real header', async () => {
    const { window } = open()
    await vi.waitFor(() => expect(window.webContents.csp).not.toBeNull())
    expect(window.webContents.csp).toMatch(/^default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';/)
    expect(window.webContents.csp).toContain("frame-ancestors 'none'")
    expect(window.webContents.csp).not.toContain('unsafe-eval')
    expect(window.webContents.csp).not.toMatch(/script-src[^;]*unsafe-inline/)
  })

  it('grants notifications to the app only, and nothing else to anyone', async () => {
    const { window } = open()
    const contents = window.webContents
    // What Notification.permission reads in the page (the check handler decides).
    expect(notificationPermission('switchboard://app/index.html')).toBe('granted')
    expect(notificationPermission('https://evil.example/')).toBe('denied')
    expect(notificationPermission('file:///opt/switchboard/out/renderer/index.html')).toBe('denied')
    // requestPermission() and each display (the request handler decides).
    await expect(requestPermission(contents, 'notifications', 'switchboard://app/index.html')).resolves.toBe(true)
    await expect(requestPermission(contents, 'notifications', 'https://evil.example/')).resolves.toBe(false)
    await expect(requestPermission(contents, 'notifications', 'switchboard://app/index.html', { isMainFrame: false })).resolves.toBe(false)
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen']) {
      await expect(requestPermission(contents, permission, 'switchboard://app/index.html')).resolves.toBe(false)
      expect(session.defaultSession.permissionCheckHandler?.(contents, permission, 'switchboard://app/', { requestingUrl: 'switchboard://app/' })).toBe(false)
    }
    await expect(showPageNotification(contents, 'switchboard://app/index.html', 'A caller is waiting for you')).resolves.toBe(true)
    expect(session.defaultSession.notifications).toEqual([{ title: 'A caller is waiting for you', origin: 'switchboard://app/' }])
  })

  it('loads the dev server in development, with the dev policy on its responses, and trusts only its origin', async () => {
    const dev = createAppUrlPolicy({ devUrl: 'http://localhost:5173/' })
    prepareSession(dev, rendererDir)
    const { window } = open(dev)
    await vi.waitFor(() => expect(window.webContents.csp).not.toBeNull())
    expect(window.loadedUrl).toBe('http://localhost:5173/')
    expect(window.webContents.csp).toContain("connect-src 'self' ws://localhost:5173")
    expect(window.webContents.attempt('will-navigate', 'http://localhost:5173/#/x')).toBe(false)
    expect(window.webContents.attempt('will-navigate', 'http://localhost:5174/')).toBe(true)
    expect(notificationPermission('http://localhost:5173/')).toBe('granted')
    expect(notificationPermission('switchboard://app/')).toBe('denied')
  })

  it('cannot be prepared before ready', () => {
    resetElectronMock()
    expect(() => prepareSession(prod, rendererDir)).toThrow(/after the app is ready/)
  })
})

describe('app URL policy', () => {
  it('ignores a dev URL that is not loopback http', () => {
    for (const devUrl of ['https://evil.example/', 'file:///tmp/index.html', 'not a url']) {
      const policy = createAppUrlPolicy({ devUrl })
      expect(policy.devOrigin).toBeNull()
      expect(policy.entryUrl).toBe('switchboard://app/index.html')
    }
  })

  it('accepts only the app origin', () => {
    expect(prod.isAppUrl('switchboard://app/assets/app.js')).toBe(true)
    expect(prod.isAppUrl('switchboard://app.evil/index.html')).toBe(false)
    expect(prod.isAppUrl('file:///opt/switchboard/out/renderer/index.html')).toBe(false)
    expect(prod.isAppUrl('http://localhost:5173/')).toBe(false)
    expect(prod.isAppUrl('garbage')).toBe(false)
  })
})
