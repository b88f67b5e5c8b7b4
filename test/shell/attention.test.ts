import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { BridgeEvent } from '../../src-preload/contract'
import { startAttention } from '../../src-main/shell/attention'
import { startDesktopAttention } from '../../src-main/shell/desktop-attention'
import { createTray } from '../../src-main/shell/tray'
import { fakeClock } from '../server/helpers/fake-clock'
import { fakeSession } from '../server/helpers/fake-session'
import { app, BrowserWindow, makeReady, nativeImage, Notification, resetElectronMock, Tray } from './mocks/electron'
import type { Menu } from './mocks/electron'

vi.mock('electron', () => import('./mocks/electron'))

const resources = mkdtempSync(path.join(os.tmpdir(), 'resources-'))
const opened = (turnId: string, transcript = 'Is the room free?'): BridgeEvent => ({ event: 'turn.opened', data: { turnId, callId: 'c1', transcript, deadline: '2026-01-01T00:00:30Z' } })
const closed = (turnId: string): BridgeEvent => ({ event: 'turn.closed', data: { turnId, callId: 'c1', outcome: 'replied' } })
const settle = () => new Promise((r) => setTimeout(r, 0))

function host(openTurns: string[] = [], mutedUntil: string | null = null) {
  return fakeSession((method) => {
    if (method === 'turns.list') return { ok: true, value: { items: openTurns.map((turnId) => ({ turnId })) } }
    if (method === 'app.status') return { ok: true, value: { alertsMutedUntil: mutedUntil } }
    if (method === 'alerts.mute') return { ok: true, value: { mutedUntil: null } }
    return { ok: true, value: {} }
  })
}

function setup(platform: NodeJS.Platform = 'linux', hostSession = host()) {
  const window = new BrowserWindow({ show: true })
  window.blur()
  const clock = fakeClock(Date.parse('2026-01-01T10:00:00Z'))
  const tray = createTray(resources, { show: vi.fn(), mute: vi.fn(), quit: vi.fn() }, platform)
  const overlay = nativeImage.createFromPath(path.join(resources, 'overlay.png')) as unknown as Electron.NativeImage
  const attention = startAttention({ host: hostSession, app, window: () => (window.isDestroyed() ? null : window) as unknown as Electron.BrowserWindow, tray, platform, clock, overlay })
  return { window, clock, attention, host: hostSession, tray: Tray.instances[0]! }
}

const menuLabels = (tray: Tray) => (tray.menu as unknown as Menu).flat().map((i) => i.label ?? i.type)

beforeEach(async () => {
  resetElectronMock()
  await makeReady()
})

describe('desktop attention', () => {
  it('counts waiting turns into the badge and the tray, and flashes an unfocused window', async () => {
    const { window, host: h, tray } = setup()
    await settle()
    h.emit(opened('t1'))
    h.emit(opened('t2'))
    expect(app.badgeCount).toBe(2)
    expect(window.flashing).toBe(true)
    expect(tray.tooltip).toBe('Switchboard — 2 waiting')
    expect(menuLabels(tray)).toEqual(['2 callers waiting', 'Show Switchboard', 'separator', 'Mute alerts for 15 min', 'Mute alerts for 1 h', 'separator', 'Quit Switchboard'])
    window.focus()
    window.emit('focus')
    expect(window.flashing).toBe(false)
    h.emit(closed('t1'))
    h.emit(closed('t1'))
    expect(app.badgeCount).toBe(1)
    h.emit(closed('t2'))
    expect(app.badgeCount).toBe(0)
    expect(tray.tooltip).toBe('Switchboard')
  })

  it('does not flash a focused window', async () => {
    const { window, host: h } = setup()
    await settle()
    window.focus()
    h.emit(opened('t1'))
    expect(window.flashing).toBe(false)
    expect(app.badgeCount).toBe(1)
  })

  it('does not flash while alerts are muted, and does again once the mute is over', async () => {
    const { window, host: h, clock, tray } = setup()
    await settle()
    h.emit({ event: 'alerts.muted', data: { mutedUntil: '2026-01-01T10:15:00.000Z' } })
    h.emit(opened('t1'))
    expect(window.flashing).toBe(false)
    expect(app.badgeCount).toBe(1)
    expect(menuLabels(tray)[3]).toMatch(/^Unmute alerts \(muted until/)
    clock.advance(15 * 60_000)
    h.emit(opened('t2'))
    expect(window.flashing).toBe(true)
  })

  it('uses an overlay icon on Windows, which has no badge count', async () => {
    const { window, host: h } = setup('win32')
    await settle()
    h.emit(opened('t1'))
    expect(window.overlay?.description).toBe('1 waiting')
    expect(app.setBadgeCount).not.toHaveBeenCalled()
    h.emit(closed('t1'))
    expect(window.overlay).toBeNull()
  })

  it('re-reads the open turns and the mute when the session restarts', async () => {
    const h = host(['a', 'b', 'c'], '2026-01-01T11:00:00.000Z')
    const { attention } = setup('linux', h)
    await vi.waitFor(() => expect(attention.waiting()).toBe(3))
    expect(attention.muted()).toBe(true)
    h.emit({ event: 'app.status', data: {} as never })
    await settle()
    expect(attention.waiting()).toBe(3)
  })
})

describe('tray and notifications, wired', () => {
  it("the tray's Mute items call alerts.mute through the host, Show reveals, Quit quits", async () => {
    const h = host()
    const reveal = vi.fn()
    const desk = startDesktopAttention({ host: h, window: () => null, reveal, resources, platform: 'linux' })
    await settle()
    const menu = Tray.instances[0]!.menu as unknown as Menu
    menu.find('Mute alerts for 15 min')?.click?.()
    menu.find('Mute alerts for 1 h')?.click?.()
    expect(h.invoke).toHaveBeenCalledWith('alerts.mute', { minutes: 15 })
    expect(h.invoke).toHaveBeenCalledWith('alerts.mute', { minutes: 60 })
    menu.find('Show Switchboard')?.click?.()
    expect(reveal).toHaveBeenCalledOnce()
    menu.find('Quit Switchboard')?.click?.()
    expect(app.quit).toHaveBeenCalled()
    desk.stop()
    expect(Tray.instances[0]!.isDestroyed()).toBe(true)
  })

  it('with no window open, a waiting caller raises a notification whose click brings the window back', async () => {
    const h = host()
    const reveal = vi.fn()
    startDesktopAttention({ host: h, window: () => null, reveal, resources, platform: 'darwin' })
    await settle()
    h.emit(opened('t1', 'Can I move my booking?'))
    const [note] = Notification.shown
    expect(note?.options).toEqual({ title: 'A caller is waiting for you', body: '“Can I move my booking?”' })
    note?.emit('click')
    expect(reveal).toHaveBeenCalledOnce()
    expect(Tray.instances[0]!.image.isTemplateImage()).toBe(true)
    expect(Tray.instances[0]!.title).toBe('1')
  })
})
