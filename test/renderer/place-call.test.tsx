import { screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { makeCall } from './helpers/fake-bridge'
import { messagingBridge } from './helpers/messages-fixtures'
import { renderApp } from './helpers/render-app'

// These tests type whole numbers and messages key by key; on a busy 2-core machine that takes a while.
vi.setConfig({ testTimeout: 20_000 })

async function openDialog(bridge = messagingBridge()) {
  const app = await renderApp(bridge)
  await app.user.click(screen.getByRole('button', { name: 'Place call' }))
  const dialog = await screen.findByRole('dialog', { name: 'Place a call' })
  await within(dialog).findByLabelText('Agent')
  return { ...app, dialog }
}

describe('Place call dialog', () => {
  it('offers only agents with a number; others are listed disabled with the reason', async () => {
    const { dialog } = await openDialog()
    const agent = within(dialog).getByLabelText<HTMLSelectElement>('Agent')
    expect(agent.value).toBe('agt_sandbox')
    const bare = within(agent).getByRole<HTMLOptionElement>('option', { name: /Numberless Agent/ })
    expect(bare.disabled).toBe(true)
    expect(bare.textContent).toContain('no phone number')
    expect(within(within(dialog).getByLabelText('Voice')).getByRole('option', { name: 'Alloy (openai)' })).toBeTruthy()
  })

  it('in the sandbox, says who answers which number, and fills in the sandbox phone on request', async () => {
    const { dialog, user } = await openDialog()
    const hint = dialog.querySelector('#place-sandbox-hint')!
    expect(hint.textContent).toContain('rings the sandbox phone')
    expect(hint.textContent).toContain('0–5 answers and talks, 6 declines, 7 is busy, 8 does not answer, 9 goes to voicemail')
    await user.click(within(dialog).getByRole('button', { name: 'Call the sandbox phone' }))
    expect(within(dialog).getByLabelText<HTMLInputElement>('Number to call').value).toBe('+15550100999')
    expect(document.getElementById('place-to-check')?.textContent).toContain('+15550100999')
  })

  it('refuses an invalid number in the dialog before any request', async () => {
    const { dialog, user, bridge } = await openDialog()
    await user.type(within(dialog).getByLabelText('Number to call'), '12')
    await user.click(within(dialog).getByRole('button', { name: 'Place call' }))
    expect(within(dialog).getByRole('alert').textContent).toMatch(/cannot be called: That is too short/)
    expect(bridge.methods()).not.toContain('calls.place')
  })

  it('keeps every field when the API refuses, never retries, and places on the second press', async () => {
    const bridge = messagingBridge()
    bridge.respond('calls.place', () => ({ ok: false, error: { code: 'api_error', status: 503, message: 'Carrier error (simulated by the sandbox)' } }))
    const { dialog, user } = await openDialog(bridge)
    await user.type(within(dialog).getByLabelText('Number to call'), '(415) 555-0142')
    expect(document.getElementById('place-to-check')?.textContent).toContain('+14155550142')
    // In the sandbox it says what will answer before anything rings: the last digit 2 talks.
    expect(within(dialog).getByRole('status').textContent).toContain('Reaches a simulated callee, not a real phone. It ends in 2, so it answers and talks.')
    await user.type(within(dialog).getByLabelText('Greeting (optional)'), 'Hi, this is the shop')
    await user.type(within(dialog).getByLabelText('Instructions for the AI (optional)'), 'Be brief')
    await user.selectOptions(within(dialog).getByLabelText('Voice'), 'v_alloy')
    await user.click(within(dialog).getByRole('button', { name: 'Place call' }))

    const places = () => bridge.invokes.filter((i) => i.method === 'calls.place')
    const expected = { agentId: 'agt_sandbox', toNumber: '+14155550142', initialGreeting: 'Hi, this is the shop', systemPrompt: 'Be brief', voice: 'v_alloy' }
    expect(places()).toEqual([{ method: 'calls.place', params: expected }])
    expect(within(dialog).getByRole('alert').textContent).toContain('The call was not placed: Carrier error (simulated by the sandbox)')
    expect(within(dialog).getByLabelText<HTMLInputElement>('Number to call').value).toBe('(415) 555-0142')
    expect(within(dialog).getByLabelText<HTMLInputElement>('Greeting (optional)').value).toBe('Hi, this is the shop')
    expect(within(dialog).getByLabelText<HTMLTextAreaElement>('Instructions for the AI (optional)').value).toBe('Be brief')
    expect(within(dialog).getByLabelText<HTMLSelectElement>('Voice').value).toBe('v_alloy')
    expect(places()).toHaveLength(1)

    // Closing and reopening keeps the fields too.
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    await user.keyboard('c')
    const again = await screen.findByRole('dialog', { name: 'Place a call' })
    expect(within(again).getByLabelText<HTMLInputElement>('Number to call').value).toBe('(415) 555-0142')

    const call = makeCall({ id: 'call_out_1', direction: 'outbound', from: '+14155550100', to: '+14155550142', status: 'ringing' })
    bridge.respond('calls.place', () => call)
    bridge.respond('calls.get', () => ({ call, transcript: [] }))
    await user.click(within(again).getByRole('button', { name: 'Place call' }))
    expect(places()).toHaveLength(2)
    expect(screen.queryByRole('dialog')).toBeNull()
    // The new call is open in the Call view.
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toMatch(/Person called.*\+1 415 555 0142/)
    expect(screen.getByRole('button', { name: 'End call' })).toBeTruthy()
  })
})
