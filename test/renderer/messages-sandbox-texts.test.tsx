import { act, screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { CONV_A, messagingBridge, sms } from './helpers/messages-fixtures'
import { renderApp } from './helpers/render-app'
import { holdCommand } from './helpers/webhooks-fixtures'

// These tests type whole numbers and messages key by key; on a busy 2-core machine that takes a while.
vi.setConfig({ testTimeout: 20_000 })

describe('Sandbox phone: texts', () => {
  it('texts the sandbox agent as the contact and shows the agent’s texts as a thread', async () => {
    const bridge = messagingBridge()
    bridge.respond('sandbox.sms', () => ({ messageId: 'msg_c1' }))
    const { user, emit } = await renderApp(bridge)
    const phone = screen.getByRole('complementary', { name: 'Sandbox phone' })
    await user.type(within(phone).getByLabelText('Text as the contact'), 'Do you deliver?')
    await user.click(within(phone).getByRole('button', { name: 'Send text' }))
    expect(bridge.invokes.at(-1)).toEqual({ method: 'sandbox.sms', params: { to: '+14155550100', body: 'Do you deliver?' } })
    expect(within(phone).getByLabelText<HTMLInputElement>('Text as the contact').value).toBe('')

    emit('sandbox.sms', sms(CONV_A, 'Yes, within 5 miles.', 'outbound'))
    const texts = within(within(phone).getByRole('list', { name: 'Texts with the agent' })).getAllByRole('listitem')
    expect(texts.map((t) => t.className)).toEqual(['text-bubble text-bubble--contact', 'text-bubble text-bubble--agent'])
    expect(texts[0]?.textContent).toContain('You: Do you deliver?')
    expect(texts[0]?.textContent).toMatch(/Sent \d/)
    expect(texts[1]?.textContent).toContain('Agent: Yes, within 5 miles.')
  })

  it('shows a text as sending, then not sent with why; Retry sends it again', async () => {
    const bridge = messagingBridge()
    bridge.respond('sandbox.sms', () => ({ ok: false, error: { code: 'api_error', message: 'Carrier error' } }))
    const release = holdCommand(bridge, 'sandbox.sms')
    const { user } = await renderApp(bridge)
    const phone = screen.getByRole('complementary', { name: 'Sandbox phone' })
    await user.type(within(phone).getByLabelText('Text as the contact'), 'Anyone there?{Enter}')
    const bubble = () => within(within(phone).getByRole('list', { name: 'Texts with the agent' })).getAllByRole('listitem')[0]!
    expect(bubble().textContent).toContain('Sending…')
    await act(async () => release())
    expect(within(bubble()).getByRole('alert').textContent).toContain('Not sent: Carrier error')
    bridge.respond('sandbox.sms', () => ({ messageId: 'msg_retry' }))
    await user.click(within(bubble()).getByRole('button', { name: 'Retry' }))
    expect(bubble().textContent).toMatch(/Anyone there\?.*Sent \d/)
    expect(bridge.invokes.filter((i) => i.method === 'sandbox.sms')).toHaveLength(2)
  })

  it('arms a simulated carrier error for the next send and says so until a send has used it', async () => {
    const bridge = messagingBridge()
    bridge.respond('messages.send', () => ({ ok: false, error: { code: 'api_error', status: 503, message: 'Carrier error' } }))
    const { user } = await renderApp(bridge)
    const phone = screen.getByRole('complementary', { name: 'Sandbox phone' })
    await user.click(within(phone).getByRole('button', { name: 'Make the next send fail (simulated carrier error)' }))
    expect(bridge.invokes.at(-1)).toEqual({ method: 'sandbox.fault', params: { target: 'messages.send', count: 1 } })
    expect(within(phone).getByRole('status').textContent).toContain('The next text sent will fail.')
    await user.click(within(phone).getByRole('button', { name: 'Make the next call fail (simulated carrier error)' }))
    expect(bridge.invokes.at(-1)).toEqual({ method: 'sandbox.fault', params: { target: 'calls.place', count: 1 } })

    await user.click(screen.getByRole('button', { name: /^Messages/ }))
    await user.click(within(await screen.findByRole('listbox', { name: 'Conversations' })).getAllByRole('option')[0]!)
    await user.type(screen.getByLabelText('Reply by SMS'), 'hi{Enter}')
    const statuses = within(phone).getAllByRole('status').map((s) => s.textContent)
    expect(statuses).toEqual([expect.stringContaining('The next call placed will fail.')])
  })
})
