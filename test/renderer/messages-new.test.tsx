import { screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { checkPhoneInput } from '../../src-renderer/lib/phone-input'
import { CONV_B, messagingBridge, sms } from './helpers/messages-fixtures'
import { renderApp } from './helpers/render-app'

// These tests type whole numbers and messages key by key; on a busy 2-core machine that takes a while.
vi.setConfig({ testTimeout: 20_000 })

describe('phone numbers checked as typed', () => {
  it('reads numbers without a country code as US and gives E.164', () => {
    expect(checkPhoneInput('(415) 555-0142')).toMatchObject({ kind: 'ok', e164: '+14155550142', assumedCountry: true })
    expect(checkPhoneInput('+44 20 7946 0958')).toMatchObject({ kind: 'ok', e164: '+442079460958', assumedCountry: false })
    expect(checkPhoneInput('0044 20 7946 0958')).toMatchObject({ kind: 'ok', e164: '+442079460958' })
    expect(checkPhoneInput('   ')).toEqual({ kind: 'empty' })
  })
  it('explains what is wrong', () => {
    expect(checkPhoneInput('12')).toMatchObject({ kind: 'error', message: expect.stringContaining('too short') })
    expect(checkPhoneInput('415 555 01420000')).toMatchObject({ kind: 'error', message: expect.stringContaining('too long') })
    expect(checkPhoneInput('1-800-FLOWERS')).toMatchObject({ kind: 'error', message: expect.stringContaining('Only digits') })
  })
})

describe('New message dialog', () => {
  it('opens with n, checks the number as typed, sends from the chosen number and opens the thread', async () => {
    const bridge = messagingBridge()
    bridge.respond('messages.send', (p) => ({ ...sms(CONV_B, p.body, 'outbound', { id: 'msg_new' }), conversationId: 'conv_b' }))
    const { user } = await renderApp(bridge)
    await user.click(screen.getByRole('button', { name: /^Messages/ }))
    await screen.findByRole('listbox', { name: 'Conversations' })
    await user.keyboard('n')
    const dialog = await screen.findByRole('dialog', { name: 'New message' })
    const from = within(dialog).getByLabelText<HTMLSelectElement>('From')
    await within(dialog).findByRole('option', { name: /555 0100 · Sandbox Agent/ })
    expect(from.value).toBe('number:num_1')

    const to = within(dialog).getByLabelText('To')
    await user.type(to, '415555')
    expect(to.getAttribute('aria-describedby')).toBe('new-to-check')
    expect(document.getElementById('new-to-check')?.textContent).toContain('too short')
    await user.type(to, '7777')
    expect(document.getElementById('new-to-check')?.textContent).toContain('+14155557777')
    expect(document.getElementById('new-to-check')?.textContent).toContain('US assumed')

    await user.type(within(dialog).getByLabelText('Message'), 'Your order is ready')
    await user.click(within(dialog).getByRole('button', { name: 'Send message' }))
    expect(bridge.invokes.find((i) => i.method === 'messages.send')?.params).toEqual({ toNumber: '+14155557777', body: 'Your order is ready', numberId: 'num_1' })
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(bridge.invokes.at(-1)).toEqual({ method: 'conversations.get', params: { conversationId: 'conv_b' } })
    expect(await screen.findByRole('heading', { name: /7777/ })).toBeTruthy()
  })

  it('refuses a bad number before any request, and keeps every field when the API refuses', async () => {
    const bridge = messagingBridge()
    bridge.respond('messages.send', () => ({ ok: false, error: { code: 'api_error', status: 503, message: 'Carrier error' } }))
    const { user } = await renderApp(bridge)
    await user.click(screen.getByRole('button', { name: /^Messages/ }))
    await user.click(await screen.findByRole('button', { name: 'New message' }))
    const dialog = await screen.findByRole('dialog', { name: 'New message' })
    await user.type(within(dialog).getByLabelText('To'), '12')
    await user.type(within(dialog).getByLabelText('Message'), 'Hello there')
    await user.click(within(dialog).getByRole('button', { name: 'Send message' }))
    expect(within(dialog).getByRole('alert').textContent).toContain('cannot be texted')
    expect(within(dialog).getByLabelText('To').getAttribute('aria-invalid')).toBe('true')
    expect(bridge.methods()).not.toContain('messages.send')

    await user.clear(within(dialog).getByLabelText('To'))
    await user.type(within(dialog).getByLabelText('To'), '+1 212 555 0123')
    await user.click(within(dialog).getByRole('button', { name: 'Send message' }))
    expect(within(dialog).getByRole('alert').textContent).toContain('Not sent — AgentPhone is unavailable for now (503): Carrier error')
    expect(within(dialog).getByLabelText<HTMLInputElement>('To').value).toBe('+1 212 555 0123')
    expect(within(dialog).getByLabelText<HTMLTextAreaElement>('Message').value).toBe('Hello there')
    expect(bridge.methods().filter((m) => m === 'messages.send')).toHaveLength(1)
  })
})
