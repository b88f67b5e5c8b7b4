import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { act, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startChime } from '../../src-renderer/lib/attention/chime'
import { createAppStore } from '../../src-renderer/store/create-store'
import { fakeBridge, inSeconds, makeCall, SANDBOX_STATUS } from './helpers/fake-bridge'
import { renderApp } from './helpers/render-app'
import { makeSettings } from './helpers/settings'

vi.setConfig({ testTimeout: 20_000 })

function chimeRig(focused = false) {
  const bridge = fakeBridge()
  const store = createAppStore(bridge, localStorage)
  store.setState({ status: SANDBOX_STATUS })
  const played: number[] = []
  startChime(store, bridge, { play: (v) => void played.push(v) }, () => focused)
  const call = makeCall()
  store.getState().upsertCall(call)
  let n = 0
  const turn = (callId = call.id) => bridge.emit('turn.opened', { turnId: `t${++n}`, callId, transcript: 'hi', deadline: inSeconds(20) })
  return { store, played, call, turn }
}

describe('the chime', () => {
  it('plays once per new waiting turn at the chosen volume, and not while muted or switched off', () => {
    const { store, played, turn } = chimeRig()
    turn()
    expect(played).toEqual([0.6])
    store.getState().setAlertPrefs({ volume: 0.25 })
    turn()
    expect(played).toEqual([0.6, 0.25])

    store.getState().setAlertsMutedUntil(inSeconds(15 * 60))
    turn()
    expect(played).toHaveLength(2)
    // A mute that has run out no longer silences, even before the core says so.
    store.getState().setAlertsMutedUntil(new Date(Date.now() - 1000).toISOString())
    turn()
    expect(played).toEqual([0.6, 0.25, 0.25])

    store.getState().setAlertPrefs({ volume: 0 })
    turn()
    store.getState().setAlertPrefs({ volume: 0.8, chime: false })
    turn()
    expect(played).toHaveLength(3)
  })

  it('stays quiet for a fallback-only call and for the call already open in a focused window', () => {
    const focusedRig = chimeRig(true)
    const quiet = makeCall({ answeredBy: 'fallback' })
    focusedRig.store.getState().upsertCall(quiet)
    focusedRig.turn(quiet.id)
    expect(focusedRig.played).toHaveLength(0)
    focusedRig.store.setState({ view: 'monitor', openCallId: focusedRig.call.id })
    focusedRig.turn()
    expect(focusedRig.played).toHaveLength(0)
    focusedRig.store.setState({ openCallId: null })
    focusedRig.turn()
    expect(focusedRig.played).toEqual([0.6])
  })

  it('is a short, quiet-enough sound file made by resources/make-chime.mjs', () => {
    const committed = readFileSync(path.resolve('resources/chime.wav'))
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'chime-')), 'chime.wav')
    execFileSync(process.execPath, [path.resolve('resources/make-chime.mjs'), out])
    expect(readFileSync(out).equals(committed)).toBe(true)

    expect(committed.toString('ascii', 0, 4)).toBe('RIFF')
    expect(committed.toString('ascii', 8, 12)).toBe('WAVE')
    expect(committed.readUInt16LE(20)).toBe(1) // PCM
    expect(committed.readUInt16LE(22)).toBe(1) // mono
    const rate = committed.readUInt32LE(24)
    const bytes = committed.readUInt32LE(40)
    const seconds = bytes / 2 / rate
    expect(seconds).toBeGreaterThan(0.2)
    expect(seconds).toBeLessThanOrEqual(1)
    let peak = 0
    for (let i = 44; i < committed.length; i += 2) peak = Math.max(peak, Math.abs(committed.readInt16LE(i)))
    expect(peak / 32767).toBeGreaterThan(0.3)
    expect(peak / 32767).toBeLessThanOrEqual(0.5)
    expect(committed.readInt16LE(committed.length - 2)).toBe(0) // ends in silence, no click
  })
})

describe('Settings › Alerts', () => {
  it('keeps chime, volume and desktop notifications in this browser across a reload', async () => {
    const bridge = fakeBridge({ 'settings.get': () => makeSettings() })
    const first = await renderApp(bridge, localStorage)
    await first.user.click(screen.getByRole('button', { name: /^Settings/ }))
    const section = screen.getByRole('region', { name: 'Alerts' })
    const volume = within(section).getByLabelText<HTMLInputElement>('Chime volume')
    expect(volume.value).toBe('60')
    act(() => {
      // A range input has no typing: set it the way a drag would.
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(volume, '35')
      volume.dispatchEvent(new Event('input', { bubbles: true }))
    })
    expect(first.store.getState().alertPrefs.volume).toBe(0.35)
    await first.user.click(within(section).getByLabelText('Show desktop notifications'))
    await first.user.click(within(section).getByLabelText('Play a short chime'))
    expect(volume.disabled).toBe(true)
    first.unmount()
    first.stop()

    const again = await renderApp(fakeBridge({ 'settings.get': () => makeSettings() }), localStorage)
    expect(again.store.getState().alertPrefs).toEqual({ chime: false, volume: 0.35, desktop: false })
  })

  it('a damaged preference costs the preference, never the app', async () => {
    localStorage.setItem('switchboard.alerts', '{"chime": "loud", "volume": 7')
    const { store } = await renderApp(fakeBridge(), localStorage)
    expect(store.getState().alertPrefs).toEqual({ chime: true, volume: 0.6, desktop: true })
  })
})

describe('muting alerts from the header', () => {
  afterEach(() => vi.useRealTimers())

  it('offers 15 min and 1 h, shows the time left with Unmute, and follows a mute set elsewhere', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] })
    const bridge = fakeBridge({ 'alerts.mute': ({ minutes }) => ({ mutedUntil: minutes > 0 ? inSeconds(minutes * 60) : null }) })
    const { user, emit } = await renderApp(bridge)
    const header = screen.getByRole('banner')
    const trigger = within(header).getByRole('button', { name: 'Mute alerts' })
    trigger.focus()
    await user.keyboard('{Enter}')
    const items = await screen.findAllByRole('menuitem')
    expect(items.map((i) => i.textContent)).toEqual(['For 15 minutes', 'For 1 hour'])
    await user.keyboard('{Enter}')
    await screen.findByText(/Muted · 15 min left/)
    expect(bridge.invokes.at(-1)).toEqual({ method: 'alerts.mute', params: { minutes: 15 } })
    // The keyboard moved to the control that replaced the one it was on.
    expect(document.activeElement).toBe(within(header).getByRole('button', { name: 'Unmute' }))

    act(() => vi.advanceTimersByTime(5 * 60_000 + 1000))
    expect(within(header).getByText(/Muted · 10 min left/)).toBeTruthy()

    // Muted, the in-page alert still shows a waiting caller.
    const call = makeCall()
    emit('call.started', call)
    emit('turn.opened', { turnId: 't1', callId: call.id, transcript: 'Hello?', deadline: inSeconds(20) })
    expect(screen.getByRole('region', { name: 'Callers waiting for you' })).toBeTruthy()

    await user.keyboard('{Enter}')
    expect(bridge.invokes.at(-1)).toEqual({ method: 'alerts.mute', params: { minutes: 0 } })
    expect(document.activeElement).toBe(within(header).getByRole('button', { name: 'Mute alerts' }))

    // The tray or another window muted for an hour: this header follows the core's event.
    emit('alerts.muted', { mutedUntil: inSeconds(3600) })
    expect(within(header).getByText(/Muted · 1 h left/)).toBeTruthy()
    emit('alerts.muted', { mutedUntil: null })
    expect(within(header).getByRole('button', { name: 'Mute alerts' })).toBeTruthy()
  })
})
