import { act, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startHashRouter } from '../../src-renderer/lib/hash-router'
import { formatRoute, parseRoute } from '../../src-renderer/lib/routes'
import { VIEWS } from '../../src-renderer/views/registry'
import { fakeBridge, makeCall } from './helpers/fake-bridge'
import { renderApp } from './helpers/render-app'
import { makeSettings } from './helpers/settings'

const views = Object.keys(VIEWS)
const stops: Array<() => void> = []
beforeEach(() => history.replaceState(null, '', '/'))
afterEach(() => stops.splice(0).forEach((s) => s()))

describe('addresses', () => {
  it('name a view, a call or a thread, and read back the same place', () => {
    const place = { view: 'monitor' as const, openCallId: 'call_1/x', openConversationId: null, pastCallId: null }
    expect(formatRoute(place)).toBe('#/monitor/call_1%2Fx')
    expect(parseRoute('#/monitor/call_1%2Fx', views)).toEqual({ view: 'monitor', callId: 'call_1/x' })
    expect(formatRoute({ view: 'messages', openCallId: null, openConversationId: 'conv_9', pastCallId: null })).toBe('#/messages/conv_9')
    expect(parseRoute('#/messages/conv_9', views)).toEqual({ view: 'messages', conversationId: 'conv_9' })
    // A thread only this window knows has no address of its own yet.
    expect(formatRoute({ view: 'messages', openCallId: null, openConversationId: 'local:1', pastCallId: null })).toBe('#/messages')
    expect(formatRoute({ view: 'history', openCallId: null, openConversationId: null, pastCallId: 'call_7' })).toBe('#/history/call_7')
    expect(parseRoute('#/history/call_7', views)).toEqual({ view: 'history', pastCallId: 'call_7' })
    expect(parseRoute('#/settings', views)).toEqual({ view: 'settings' })
  })

  it('come from the registry: a view registered there has one, anything else has none', () => {
    for (const v of views) expect(parseRoute(`#/${v}`, views)).toEqual({ view: v })
    expect(parseRoute('#/reports', [...views, 'reports'])).toEqual({ view: 'reports' })
    expect(parseRoute('#/reports', views)).toBeNull()
    // The bridge's token fragment is not an address.
    expect(parseRoute('#token=abc', views)).toBeNull()
    expect(parseRoute('', views)).toBeNull()
  })
})

describe('the hash router', () => {
  it('mirrors the view, the open call and the thread into the address, and follows Back', async () => {
    const call = makeCall({ id: 'call_route' })
    const bridge = fakeBridge({ 'calls.get': () => ({ call, transcript: [] }), 'agents.list': () => ({ items: [], total: 0 }), 'agents.voices': () => ({ items: [] }) })
    const app = await renderApp(bridge)
    stops.push(startHashRouter(app.store, views))
    expect(location.hash).toBe('#/monitor')

    await app.user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: /^Agents/ }))
    expect(location.hash).toBe('#/agents')
    app.emit('call.started', call)
    await act(async () => {
      await app.store.getState().openCall('call_route')
    })
    expect(location.hash).toBe('#/monitor/call_route')

    act(() => history.back())
    await waitFor(() => expect(app.store.getState().view).toBe('agents'))
    expect(app.store.getState().openCallId).toBeNull()
  })

  it('opens what a pasted or refreshed address names', async () => {
    const call = makeCall({ id: 'call_pasted', from: '+14155550166' })
    history.replaceState(null, '', '/#/monitor/call_pasted')
    const app = await renderApp(fakeBridge({ 'calls.get': () => ({ call, transcript: [] }) }))
    stops.push(startHashRouter(app.store, views))
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('+1 415 555 0166'))
    expect(location.hash).toBe('#/monitor/call_pasted')
  })

  it('puts the address back when a move is held by unsaved edits, and moves once the person leaves', async () => {
    history.replaceState(null, '', '/#/settings')
    const app = await renderApp(fakeBridge({ 'settings.get': () => makeSettings() }))
    stops.push(startHashRouter(app.store, views))
    expect(app.store.getState().view).toBe('settings')
    act(() => app.store.getState().setUnsaved('test', 'a test form'))
    act(() => {
      history.pushState(null, '', '/#/monitor')
      window.dispatchEvent(new PopStateEvent('popstate'))
    })
    expect(app.store.getState().view).toBe('settings')
    expect(location.hash).toBe('#/settings')
    await app.user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Leave without saving' }))
    expect(app.store.getState().view).toBe('monitor')
    expect(location.hash).toBe('#/monitor')
  })
})
