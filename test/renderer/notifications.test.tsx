import { act, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { NotifyContext } from '../../src-renderer/lib/notifications'
import { shouldNotify } from '../../src-renderer/lib/notifications'
import { fakeBridge, inSeconds, makeCall } from './helpers/fake-bridge'
import { renderApp } from './helpers/render-app'
import { makeSettings } from './helpers/settings'

describe('shouldNotify', () => {
  const base: NotifyContext = { settings: makeSettings(), permission: 'granted', enabled: true, muted: false, focused: false, view: 'monitor', openCallId: null }
  it('needs permission and the person’s switch for that kind', () => {
    expect(shouldNotify('inboundCall', base, 'c1')).toBe(true)
    expect(shouldNotify('inboundCall', { ...base, permission: 'default' }, 'c1')).toBe(false)
    expect(shouldNotify('inboundCall', { ...base, enabled: false }, 'c1')).toBe(false)
    expect(shouldNotify('waitingTurn', { ...base, muted: true }, 'c1')).toBe(false)
    expect(shouldNotify('sms', { ...base, muted: true })).toBe(false)
    expect(shouldNotify('inboundCall', { ...base, settings: null }, 'c1')).toBe(false)
    const noSms = makeSettings({ notifications: { inboundCall: true, waitingTurn: true, sms: false } })
    expect(shouldNotify('sms', { ...base, settings: noSms })).toBe(false)
    expect(shouldNotify('waitingTurn', { ...base, settings: noSms }, 'c1')).toBe(true)
  })
  it('stays quiet about what is already in front of a focused window', () => {
    const focused = { ...base, focused: true }
    expect(shouldNotify('waitingTurn', { ...focused, openCallId: 'c1' }, 'c1')).toBe(false)
    expect(shouldNotify('waitingTurn', { ...focused, openCallId: 'c2' }, 'c1')).toBe(true)
    expect(shouldNotify('waitingTurn', { ...base, openCallId: 'c1' }, 'c1')).toBe(true) // not focused
    expect(shouldNotify('sms', { ...focused, view: 'messages' })).toBe(false)
    expect(shouldNotify('sms', { ...focused, view: 'monitor' })).toBe(true)
  })
})

type Shown = { title: string; options: NotificationOptions; instance: FakeNotification }
let shown: Shown[] = []
class FakeNotification {
  static permission: NotificationPermission = 'granted'
  static requestPermission = vi.fn(async () => {
    FakeNotification.permission = 'granted'
    return 'granted' as NotificationPermission
  })
  onclick: (() => void) | null = null
  close = vi.fn()
  constructor(title: string, options: NotificationOptions) {
    shown.push({ title, options, instance: this })
  }
}

describe('desktop notifications', () => {
  let focused = false
  beforeEach(() => {
    shown = []
    focused = false
    FakeNotification.permission = 'granted'
    vi.stubGlobal('Notification', FakeNotification)
    vi.spyOn(document, 'hasFocus').mockImplementation(() => focused)
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  const start = (notifications = { inboundCall: true, waitingTurn: true, sms: true }) =>
    renderApp(fakeBridge({ 'settings.get': () => makeSettings({ notifications }), 'conversations.list': () => ({ items: [], total: 0 }) }))

  it('announces a new inbound call and a waiting turn; a click focuses the window and opens the call', async () => {
    const { emit } = await start()
    const focus = vi.spyOn(window, 'focus').mockImplementation(() => undefined)
    const call = makeCall({ from: '+14155550177' })
    emit('call.started', call)
    emit('call.started', makeCall({ direction: 'outbound' }))
    emit('turn.opened', { turnId: 't1', callId: call.id, transcript: 'Where is my order?', deadline: inSeconds(20) })
    expect(shown.map((n) => n.title)).toEqual(['Incoming call', 'A caller is waiting for you'])
    expect(shown[0]?.options.body).toBe('+1 415 555 0177 is calling Sandbox Agent')
    expect(shown[1]?.options.body).toContain('Where is my order?')
    expect(shown[1]?.options.tag).toBe(`turn-${call.id}`)

    act(() => shown[1]?.instance.onclick?.())
    expect(focus).toHaveBeenCalled()
    expect(shown[1]?.instance.close).toHaveBeenCalled()
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('+1 415 555 0177')
    // Ready to answer: the keyboard is in the call's reply box.
    expect(document.activeElement).toBe(screen.getByLabelText('Reply to caller'))
  })

  it('a click on a turn’s notification focuses the reply box even when that call is already open', async () => {
    const { emit, store } = await start()
    vi.spyOn(window, 'focus').mockImplementation(() => undefined)
    const call = makeCall()
    emit('call.started', call)
    await act(() => store.getState().openCall(call.id))
    screen.getByRole('heading', { level: 1 }).focus() // the person had left the box (Escape)
    emit('turn.opened', { turnId: 't9', callId: call.id, transcript: 'Still there?', deadline: inSeconds(20) })
    act(() => shown.at(-1)?.instance.onclick?.())
    expect(document.activeElement).toBe(screen.getByLabelText('Reply to caller'))
  })

  it('stays silent while alerts are muted, and when this window turned notifications off', async () => {
    const { emit, store } = await start()
    const call = makeCall()
    emit('call.started', call)
    expect(shown).toHaveLength(1)
    emit('alerts.muted', { mutedUntil: inSeconds(900) })
    emit('turn.opened', { turnId: 'tm', callId: call.id, transcript: 'hello', deadline: inSeconds(20) })
    emit('call.started', makeCall())
    expect(shown).toHaveLength(1)
    emit('alerts.muted', { mutedUntil: null })
    act(() => store.getState().setAlertPrefs({ desktop: false }))
    emit('call.started', makeCall())
    expect(shown).toHaveLength(1)
    act(() => store.getState().setAlertPrefs({ desktop: true }))
    emit('call.started', makeCall())
    expect(shown).toHaveLength(2)
  })

  it('respects the switches, fallback-only calls, and an open call in a focused window', async () => {
    const { emit, store } = await start({ inboundCall: false, waitingTurn: true, sms: false })
    const call = makeCall()
    const quiet = makeCall({ answeredBy: 'fallback' })
    emit('call.started', call)
    emit('call.started', quiet)
    emit('message.received', { id: 'm1', conversationId: 'cv1', direction: 'inbound', from: '+14155550100', to: '+14155550101', body: 'hi', channel: 'sms', at: new Date().toISOString() })
    emit('turn.opened', { turnId: 'tq', callId: quiet.id, transcript: '', deadline: inSeconds(20) })
    expect(shown).toHaveLength(0)

    focused = true
    await act(() => store.getState().openCall(call.id))
    emit('turn.opened', { turnId: 't2', callId: call.id, transcript: 'hello', deadline: inSeconds(20) })
    expect(shown).toHaveLength(0)
    focused = false
    emit('turn.opened', { turnId: 't3', callId: call.id, transcript: 'hello?', deadline: inSeconds(20) })
    expect(shown.map((n) => n.title)).toEqual(['A caller is waiting for you'])
  })

  it('announces an inbound SMS; a click opens Messages', async () => {
    const { emit, store } = await start()
    emit('message.received', { id: 'm2', conversationId: 'cv2', direction: 'inbound', from: '+14155550100', to: '+14155550101', body: 'Is my table ready?', channel: 'sms', at: new Date().toISOString() })
    expect(shown.map((n) => [n.title, n.options.body])).toEqual([['SMS from +1 415 555 0100', 'Is my table ready?']])
    vi.spyOn(window, 'focus').mockImplementation(() => undefined)
    act(() => shown[0]?.instance.onclick?.())
    expect(store.getState().view).toBe('messages')
  })

  it('asks for permission from a click on the Monitor’s button', async () => {
    FakeNotification.permission = 'default'
    const { user, emit } = await start()
    emit('call.started', makeCall())
    expect(shown).toHaveLength(0)
    await user.click(screen.getByRole('button', { name: 'Enable desktop notifications' }))
    expect(FakeNotification.requestPermission).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole('button', { name: 'Enable desktop notifications' })).toBeNull()
    emit('call.started', makeCall())
    expect(shown).toHaveLength(1)
  })
})
