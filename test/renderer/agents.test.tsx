import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { checkTransfer, toUpdatePatch, formFromAgent } from '../../src-renderer/views/agents/agent-form'
import { directoryBridge, makeAgent, makeNumber } from './helpers/directory-fixtures'
import { renderApp } from './helpers/render-app'

const support = makeAgent({ id: 'agent_1', name: 'Support Line' })
const desk = makeAgent({ id: 'agent_2', name: 'Appointment Desk', voiceMode: 'hosted', systemPrompt: 'Book visits.', voice: 'voice_sky' })
const line = makeNumber({ id: 'num_1', phoneNumber: '+14155550123', agentId: 'agent_1' })

async function openAgents(bridge = directoryBridge([support, desk], [line])) {
  const app = await renderApp(bridge)
  await app.user.click(screen.getByRole('button', { name: 'Agents' }))
  await screen.findByRole('row', { name: /Support Line/ })
  return app
}

// Typing through user-event is slow on a busy two-core machine: a roomier budget than 5 s.
describe('Agents view', { timeout: 20_000 }, () => {
  it('lists each agent with its mode as a word, its numbers and its voice by name', async () => {
    await openAgents()
    const row = screen.getByRole('row', { name: /Support Line/ })
    expect(within(row).getByText('You answer')).toBeTruthy()
    expect(within(row).getByText('+1 415 555 0123')).toBeTruthy()
    expect(within(row).getByText('Marcus — Calm Support')).toBeTruthy()
    const hosted = screen.getByRole('row', { name: /Appointment Desk/ })
    expect(within(hosted).getByText('AI answers')).toBeTruthy()
    expect(within(hosted).getByText('None')).toBeTruthy()
  })

  it('refuses to send a hosted agent without a system prompt, then creates it once the prompt is there', async () => {
    const { user, bridge } = await openAgents()
    await user.click(screen.getByRole('button', { name: 'New agent' }))
    const dialog = screen.getByRole('dialog', { name: 'New agent' })
    await user.type(within(dialog).getByLabelText('Name'), 'Night Desk')
    await user.click(within(dialog).getByRole('radio', { name: /AI answers/ }))
    await user.click(within(dialog).getByRole('button', { name: 'Create agent' }))

    expect(bridge.methods()).not.toContain('agents.create')
    const prompt = within(dialog).getByLabelText('Instructions for the AI')
    expect(prompt.getAttribute('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(prompt)
    expect(within(dialog).getByText(/A hosted agent needs a system prompt/)).toBeTruthy()

    await user.click(prompt)
    await user.paste('You take after-hours messages.')
    await user.type(within(dialog).getByLabelText('Transfer number'), '415 555 0199')
    expect(within(dialog).getByText('+1 415 555 0199')).toBeTruthy()
    await user.selectOptions(within(dialog).getByLabelText('Voice'), 'Skylar — Friendly Guide · elevenlabs · female')
    await user.click(within(dialog).getByRole('button', { name: 'Create agent' }))

    expect(bridge.invokes.find((i) => i.method === 'agents.create')?.params).toEqual({
      name: 'Night Desk',
      voiceMode: 'hosted',
      systemPrompt: 'You take after-hours messages.',
      voice: 'voice_sky',
      transferNumber: '+14155550199'
    })
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(await screen.findByRole('row', { name: /Night Desk/ })).toBeTruthy()
  })

  it('shows an API refusal inside the editor and keeps every field as typed', async () => {
    const bridge = directoryBridge([support], [])
    bridge.respond('agents.create', () => ({ ok: false, error: { code: 'api_error', status: 400, message: 'voice is not in the catalogue' } }))
    const { user } = await openAgents(bridge)
    await user.click(screen.getByRole('button', { name: 'New agent' }))
    const dialog = screen.getByRole('dialog', { name: 'New agent' })
    await user.type(within(dialog).getByLabelText('Name'), 'Sales')
    await user.type(within(dialog).getByLabelText('First words'), 'Hello from sales!')
    await user.click(within(dialog).getByRole('button', { name: 'Create agent' }))

    expect((await within(dialog).findByRole('alert')).textContent).toContain('voice is not in the catalogue')
    expect(within(dialog).getByLabelText<HTMLInputElement>('Name').value).toBe('Sales')
    expect(within(dialog).getByLabelText<HTMLInputElement>('First words').value).toBe('Hello from sales!')
  })

  it('flags a transfer number that is not a +1 number as it is typed', async () => {
    expect(checkTransfer('')).toEqual({ state: 'empty' })
    expect(checkTransfer('(415) 555-0100')).toMatchObject({ state: 'ok', e164: '+14155550100' })
    expect(checkTransfer('+44 20 7946 0958')).toMatchObject({ state: 'bad', reason: expect.stringContaining('+1') })
    expect(checkTransfer('415 55')).toMatchObject({ state: 'bad' })
  })

  it('sends only what changed when editing, and clears a removed field with null', () => {
    const before = formFromAgent(makeAgent({ beginMessage: 'Hi', transferNumber: '+14155550100' }))
    expect(toUpdatePatch(before, { ...before, name: 'Support 2', beginMessage: '', transferNumber: '' })).toEqual({
      name: 'Support 2',
      beginMessage: null,
      transferNumber: null
    })
  })

  it('edits an agent with its current values filled in and sends only the change', async () => {
    const { user, bridge } = await openAgents()
    await user.click(screen.getByRole('button', { name: 'Edit Appointment Desk' }))
    const dialog = screen.getByRole('dialog', { name: 'Edit Appointment Desk' })
    expect(within(dialog).getByLabelText<HTMLTextAreaElement>('Instructions for the AI').value).toBe('Book visits.')
    expect(within(dialog).getByRole<HTMLInputElement>('radio', { name: /AI answers/ }).checked).toBe(true)
    expect(within(dialog).getByLabelText<HTMLSelectElement>('Voice').value).toBe('voice_sky')
    await user.type(within(dialog).getByLabelText('First words'), 'Hi!')
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }))
    expect(bridge.invokes.find((i) => i.method === 'agents.update')?.params).toEqual({ agentId: 'agent_2', beginMessage: 'Hi!' })
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  })

  it('deletes an agent only after the confirmation, which names it and says its numbers stay unassigned', async () => {
    const { user, bridge } = await openAgents()
    await user.click(screen.getByRole('button', { name: 'Delete Support Line' }))
    let confirm = screen.getByRole('alertdialog', { name: 'Delete agent “Support Line”?' })
    expect(confirm.textContent).toMatch(/\+1 415 555 0123\) stays on your account but becomes unassigned/)
    // The safe choice has the focus: Enter right away cancels.
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Cancel' }))
    await user.keyboard('{Enter}')
    expect(screen.queryByRole('alertdialog')).toBeNull()

    await user.click(screen.getByRole('button', { name: 'Delete Support Line' }))
    await user.keyboard('{Escape}')
    expect(bridge.methods()).not.toContain('agents.delete')

    await user.click(screen.getByRole('button', { name: 'Delete Support Line' }))
    confirm = screen.getByRole('alertdialog')
    await user.click(within(confirm).getByRole('button', { name: 'Delete agent' }))
    expect(bridge.invokes.filter((i) => i.method === 'agents.delete')).toEqual([{ method: 'agents.delete', params: { agentId: 'agent_1' } }])
    await waitFor(() => expect(screen.queryByRole('row', { name: /Support Line/ })).toBeNull())
  })

  it('says what to do next when there are no agents', async () => {
    const app = await renderApp(directoryBridge([], []))
    await app.user.click(screen.getByRole('button', { name: 'Agents' }))
    expect(await screen.findByText('No agents yet.')).toBeTruthy()
    await app.user.click(screen.getByRole('button', { name: 'Create your first agent' }))
    expect(screen.getByRole('dialog', { name: 'New agent' })).toBeTruthy()
  })
})
