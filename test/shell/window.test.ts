import { beforeEach, describe, expect, it, vi } from 'vitest'
import { BrowserWindow, resetElectronMock, session } from './mocks/electron'
import { createAppUrlPolicy } from '../../src-main/shell/app-url'
import { createMainWindow } from '../../src-main/shell/window'

vi.mock('electron', () => import('./mocks/electron'))

const rendererIndex = '/opt/switchboard/out/renderer/index.html'
const prod = createAppUrlPolicy({ rendererIndex })

beforeEach(() => resetElectronMock())

function open(policy = prod) {
  const window = createMainWindow({ preloadPath: '/opt/switchboard/out/preload/index.cjs', policy }) as unknown as BrowserWindow
  return window
}

describe('main window', () => {
  it('uses secure webPreferences and the CJS preload', () => {
    const window = open()
    expect(BrowserWindow.instances).toHaveLength(1)
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/opt/switchboard/out/preload/index.cjs'
    })
    expect(window.loadedUrl).toBe('file:///opt/switchboard/out/renderer/index.html')
  })

  it('denies window.open', () => {
    const window = open()
    expect(window.webContents.windowOpenHandler?.({ url: 'https://evil.example' })).toEqual({ action: 'deny' })
    expect(window.webContents.windowOpenHandler?.({ url: prod.entryUrl })).toEqual({ action: 'deny' })
  })

  it('prevents navigation and redirects to foreign URLs, allows the app', () => {
    const { webContents } = open()
    for (const name of ['will-navigate', 'will-redirect', 'will-frame-navigate'] as const) {
      expect(webContents.attempt(name, 'https://evil.example/')).toBe(true)
      expect(webContents.attempt(name, 'file:///etc/passwd')).toBe(true)
      expect(webContents.attempt(name, 'file:///opt/switchboard/out/renderer/../../secret.html')).toBe(true)
      expect(webContents.attempt(name, 'file:///opt/switchboard/out/renderer-evil/index.html')).toBe(true)
      expect(webContents.attempt(name, 'file:///opt/switchboard/out/renderer/index.html#/calls')).toBe(false)
    }
    const event = { preventDefault: vi.fn() }
    webContents.emit('will-attach-webview', event)
    expect(event.preventDefault).toHaveBeenCalled()
  })

  it('installs a strict CSP on every response and denies permissions', () => {
    open()
    const listener = session.defaultSession.headersListener
    expect(listener).not.toBeNull()
    let headers: Record<string, string | string[]> | undefined
    listener?.({ url: 'file:///x', responseHeaders: { 'content-security-policy': ["default-src *"], 'X-Other': ['1'] } }, (r) => (headers = r.responseHeaders))
    const csp = String(headers?.['Content-Security-Policy'])
    expect(csp).toMatch(/^default-src 'none'; script-src 'self'; style-src 'self';/)
    expect(csp).not.toContain('unsafe')
    expect(headers).not.toHaveProperty('content-security-policy')
    expect(headers?.['X-Other']).toEqual(['1'])
    expect(headers?.['X-Content-Type-Options']).toEqual(['nosniff'])
    const granted = vi.fn()
    session.defaultSession.permissionRequestHandler?.({}, 'media', granted)
    expect(granted).toHaveBeenCalledWith(false)
    expect(session.defaultSession.permissionCheckHandler?.()).toBe(false)
  })

  it('loads the dev server in development and trusts only its origin', () => {
    const dev = createAppUrlPolicy({ rendererIndex, devUrl: 'http://localhost:5173/' })
    const window = open(dev)
    expect(window.loadedUrl).toBe('http://localhost:5173/')
    expect(window.webContents.attempt('will-navigate', 'http://localhost:5173/#/x')).toBe(false)
    expect(window.webContents.attempt('will-navigate', 'http://localhost:5174/')).toBe(true)
    let csp = ''
    session.defaultSession.headersListener?.({ url: 'http://localhost:5173/' }, (r) => (csp = String(r.responseHeaders?.['Content-Security-Policy'])))
    expect(csp).toContain('connect-src \'self\' ws://localhost:5173')
  })
})

describe('app URL policy', () => {
  it('ignores a dev URL that is not loopback http', () => {
    for (const devUrl of ['https://evil.example/', 'file:///tmp/index.html', 'not a url']) {
      const policy = createAppUrlPolicy({ rendererIndex, devUrl })
      expect(policy.devOrigin).toBeNull()
      expect(policy.entryUrl).toBe('file:///opt/switchboard/out/renderer/index.html')
    }
  })

  it('accepts only files under out/renderer', () => {
    expect(prod.isAppUrl('file:///opt/switchboard/out/renderer/assets/app.js')).toBe(true)
    expect(prod.isAppUrl('file://remote-host/opt/switchboard/out/renderer/index.html')).toBe(false)
    expect(prod.isAppUrl('file:///opt/switchboard/out/preload/index.cjs')).toBe(false)
    expect(prod.isAppUrl('http://localhost:5173/')).toBe(false)
    expect(prod.isAppUrl('garbage')).toBe(false)
  })
})
