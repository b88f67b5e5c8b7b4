import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { AppStatus } from '../../src-preload/contract'
import { fakeBridge, makeCall, SANDBOX_STATUS } from './helpers/fake-bridge'
import { memoryStorage, renderApp } from './helpers/render-app'

describe('Sandbox phone', () => {
  it('dials the sandbox agent, says a line as the caller, and lists what the caller hears', async () => {
    const bridge = fakeBridge({ 'sandbox.dial': () => ({ callId: 'call_sb1' }) })
    const { user, emit } = await renderApp(bridge)
    const phone = screen.getByRole('complementary', { name: 'Sandbox phone' })
    expect(within(phone).getByText('Sandbox Agent')).toBeTruthy()
    expect(within(phone).getByLabelText<HTMLInputElement>('Number to dial').value).toBe('+14155550100')

    await user.click(within(phone).getByRole('button', { name: 'Dial' }))
    expect(bridge.invokes.at(-1)).toEqual({ method: 'sandbox.dial', params: { to: '+14155550100' } })

    // The agent's greeting arrives while the caller is on the line.
    emit('sandbox.heard', { callId: 'call_sb1', text: 'Hi, you reached the sandbox agent.', interim: false })
    await user.type(within(phone).getByLabelText('Say as the caller'), 'I want to book a table')
    await user.click(within(phone).getByRole('button', { name: 'Say' }))
    expect(bridge.methods().filter((m) => m.startsWith('sandbox.'))).toEqual(['sandbox.dial', 'sandbox.say'])
    expect(bridge.invokes.at(-1)).toEqual({ method: 'sandbox.say', params: { callId: 'call_sb1', text: 'I want to book a table' } })
    expect(within(phone).getByLabelText<HTMLInputElement>('Say as the caller').value).toBe('')

    emit('sandbox.heard', { callId: 'call_sb1', text: 'One moment please', interim: true })
    emit('sandbox.heard', { callId: 'call_other', text: 'someone else’s call', interim: false })
    const heard = within(screen.getByRole('list', { name: 'Caller hears' })).getAllByRole('listitem')
    expect(heard.map((li) => li.textContent)).toEqual(['Hi, you reached the sandbox agent.', 'more to comeOne moment please'])
    expect(heard[1]?.className).toContain('heard--interim')
  })

  it('keeps what the caller heard, its texts and the call it is on across a reload of the tab', async () => {
    const storage = memoryStorage()
    const bridge = fakeBridge({ 'sandbox.dial': () => ({ callId: 'call_keep' }), 'sandbox.sms': () => ({ messageId: 'msg_k1' }) })
    const first = await renderApp(bridge, null, storage)
    await first.user.click(screen.getByRole('button', { name: 'Dial' }))
    first.emit('sandbox.heard', { callId: 'call_keep', text: 'Hello from the agent', interim: false })
    await first.user.type(screen.getByLabelText('Text as the contact'), 'Open today?{Enter}')
    first.unmount()
    first.stop()

    // The tab reloads: a new store over the same session storage; the call is still live in the core.
    const live = makeCall({ id: 'call_keep' })
    const second = await renderApp(fakeBridge({ 'calls.get': () => ({ call: live, transcript: [] }) }), null, storage)
    const phone = screen.getByRole('complementary', { name: 'Sandbox phone' })
    expect(within(within(phone).getByRole('list', { name: 'Caller hears' })).getByRole('listitem').textContent).toBe('Hello from the agent')
    expect(within(phone).getByRole('list', { name: 'Texts with the agent' }).textContent).toContain('Open today?')
    expect(within(phone).getByRole('button', { name: 'Hang up' })).toBeTruthy()
    second.unmount()
    second.stop()

    // Reloaded again after the call ended: the history stays, the phone is free to dial.
    const ended = { ...live, status: 'completed' as const, endedAt: new Date().toISOString() }
    await renderApp(fakeBridge({ 'calls.get': () => ({ call: ended, transcript: [] }) }), null, storage)
    expect(await screen.findByRole('button', { name: 'Dial' })).toBeTruthy()
    expect(within(screen.getByRole('list', { name: 'Caller hears' })).getByRole('listitem').textContent).toBe('Hello from the agent')
  })

  it('presses keys and hangs up on the current call', async () => {
    const bridge = fakeBridge({ 'sandbox.dial': () => ({ callId: 'call_sb2' }) })
    const { user } = await renderApp(bridge)
    await user.click(screen.getByRole('button', { name: 'Dial' }))
    const pad = screen.getByRole('group', { name: 'Phone keypad' })
    await user.click(within(pad).getByRole('button', { name: 'Press 7' }))
    expect(bridge.invokes.at(-1)).toEqual({ method: 'sandbox.press', params: { callId: 'call_sb2', digits: '7' } })
    await user.click(screen.getByRole('button', { name: 'Hang up' }))
    expect(bridge.invokes.at(-1)).toEqual({ method: 'sandbox.hangup', params: { callId: 'call_sb2' } })
    // Back to the dial form once the call is over.
    expect(screen.getByRole('button', { name: 'Dial' })).toBeTruthy()
  })

  it('rings for an outbound call and answers it', async () => {
    const bridge = fakeBridge()
    const { user, emit } = await renderApp(bridge)
    emit('sandbox.ring', { callId: 'call_out', from: '+14155550100', to: '+14155550999' })
    expect(screen.getByText(/Incoming call from/)).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Answer' }))
    expect(bridge.invokes.at(-1)).toEqual({ method: 'sandbox.answer', params: { callId: 'call_out' } })
    expect(screen.queryByRole('button', { name: 'Answer' })).toBeNull()
    expect(screen.getByLabelText('Say as the caller')).toBeTruthy()
  })

  it('declines a ringing call, and a call.ended for it also stops the ringing', async () => {
    const bridge = fakeBridge()
    const { user, emit } = await renderApp(bridge)
    emit('sandbox.ring', { callId: 'call_r1', from: '+14155550100', to: '+14155550999' })
    await user.click(screen.getByRole('button', { name: 'Decline' }))
    expect(bridge.invokes.at(-1)).toEqual({ method: 'sandbox.decline', params: { callId: 'call_r1' } })
    emit('sandbox.ring', { callId: 'call_r2', from: '+14155550100', to: '+14155550999' })
    emit('call.ended', makeCall({ id: 'call_r2', status: 'completed', endedAt: new Date().toISOString() }))
    expect(screen.queryByRole('button', { name: 'Answer' })).toBeNull()
  })

  it('shows the first-run guide until dismissed, and remembers that', async () => {
    const { user, unmount } = await renderApp(fakeBridge(), localStorage)
    expect(screen.getByRole('heading', { name: 'Try it in three steps' })).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Got it, hide the guide' }))
    expect(screen.queryByRole('heading', { name: 'Try it in three steps' })).toBeNull()
    unmount()
    await renderApp(fakeBridge(), localStorage)
    expect(screen.queryByRole('heading', { name: 'Try it in three steps' })).toBeNull()
  })

  it('is not shown in live mode', async () => {
    const bridge = fakeBridge({ 'app.status': () => ({ ...sandboxless() }) })
    await renderApp(bridge)
    expect(screen.queryByRole('complementary', { name: 'Sandbox phone' })).toBeNull()
    expect(screen.getByLabelText('Mode: Live')).toBeTruthy()
  })
})

function sandboxless(): AppStatus {
  return { ...SANDBOX_STATUS, mode: 'live', simulatorUrl: null, baseUrl: 'https://api.agentphone.to', sandbox: null, hasApiKey: true }
}
