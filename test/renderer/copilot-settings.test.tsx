import { screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { CommandParams, CopilotStatus } from '../../src-preload/contract'
import { COPILOT_OFF, fakeBridge, type FakeBridge } from './helpers/fake-bridge'
import { AGENTS, CONV_A, messagingBridge, sms } from './helpers/messages-fixtures'
import { renderApp } from './helpers/render-app'
import { makeSettings } from './helpers/settings'

vi.setConfig({ testTimeout: 20_000 })

/** A bridge whose copilot keeps what it is told, as the core would (the key only as "a key is stored"). */
function copilotBridge(start: CopilotStatus = COPILOT_OFF, base: FakeBridge = fakeBridge()): FakeBridge {
  let status = start
  base.respond('copilot.status', () => status)
  base.respond('copilot.configure', ({ apiKey, ...patch }: CommandParams<'copilot.configure'>) => {
    status = { ...status, ...patch, ...(apiKey !== undefined ? { hasKey: apiKey !== null } : {}) } as CopilotStatus
    return status
  })
  base.respond('copilot.pause', ({ paused }) => (status = { ...status, paused }))
  base.respond('agents.list', () => ({ items: AGENTS, total: AGENTS.length }))
  base.respond('settings.get', () => makeSettings())
  return base
}
const sent = (b: FakeBridge, method: string) => b.invokes.filter((i) => i.method === method).map((i) => i.params)

async function openCopilotSettings(bridge: FakeBridge) {
  const app = await renderApp(bridge)
  await app.user.click(screen.getByRole('button', { name: 'Settings' }))
  const section = screen.getByRole('region', { name: 'Copilot' })
  return { ...app, section }
}

describe('Settings › Copilot', () => {
  it('is off at first, says the simulated model answers in the sandbox, and saves the mode chosen', async () => {
    const bridge = copilotBridge()
    const { section, user } = await openCopilotSettings(bridge)
    expect(within(section).getByRole('radio', { name: 'Off' })).toHaveProperty('checked', true)
    expect(section.textContent).toContain('the built-in simulated model drafts and answers')
    await user.click(within(section).getByRole('radio', { name: 'Suggest' }))
    expect(sent(bridge, 'copilot.configure')).toEqual([{ mode: 'suggest' }])
    expect(within(section).getByRole('radio', { name: 'Suggest' })).toHaveProperty('checked', true)
  })

  it('refuses a base URL that is not an http(s) URL, and saves a good one with the model', async () => {
    const bridge = copilotBridge()
    const { section, user } = await openCopilotSettings(bridge)
    const url = within(section).getByLabelText('Base URL')
    await user.type(url, 'localhost:11434')
    await user.click(within(section).getByRole('button', { name: 'Save base URL and model' }))
    expect(within(section).getByText(/Write a full URL starting with http/)).toBeTruthy()
    expect(sent(bridge, 'copilot.configure')).toEqual([])
    await user.clear(url)
    await user.type(url, 'http://localhost:11434/v1')
    await user.type(within(section).getByLabelText('Model'), 'llama3.2')
    await user.click(within(section).getByRole('button', { name: 'Save base URL and model' }))
    expect(sent(bridge, 'copilot.configure')).toEqual([{ baseUrl: 'http://localhost:11434/v1', model: 'llama3.2' }])
  })

  it('asks before a model typed but not saved is lost; once saved, leaving does not ask', async () => {
    const { section, user, store } = await openCopilotSettings(copilotBridge())
    await user.type(within(section).getByLabelText('Model'), 'llama3.2')
    await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: /^Agents/ }))
    const ask = screen.getByRole('alertdialog', { name: 'Leave without saving?' })
    expect(ask.textContent).toContain('Copilot')
    await user.click(within(ask).getByRole('button', { name: 'Stay and save' }))
    expect(store.getState().view).toBe('settings')
    await user.click(within(section).getByRole('button', { name: 'Save base URL and model' }))
    await within(section).findByText('Saved.')
    await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: /^Agents/ }))
    expect(store.getState().view).toBe('agents')
  })

  it('stores the key write-only: the field clears once saved and only "a key is stored" comes back', async () => {
    const bridge = copilotBridge()
    const { section, user } = await openCopilotSettings(bridge)
    const key = within(section).getByLabelText('Model server key')
    await user.type(key, 'sk-proj-secret')
    await user.click(within(section).getByRole('button', { name: 'Save model key' }))
    expect(sent(bridge, 'copilot.configure')).toEqual([{ apiKey: 'sk-proj-secret' }])
    expect((key as HTMLInputElement).value).toBe('')
    expect(section.textContent).toContain('A key is stored')
    expect(section.textContent).not.toContain('sk-proj-secret')
  })

  it('Test tries what is typed and says what went wrong in plain words', async () => {
    const bridge = copilotBridge()
    // Wrapped: the fake reads a bare {ok: false} as a refused command, and this is a test that ran.
    const refused = { ok: false, detail: 'The model server refused the key (401). Check the key in Settings › Copilot.', modelLabel: 'gpt-4o-mini', ms: 80 }
    bridge.respond('copilot.test', () => ({ ok: true, value: refused }))
    const { section, user } = await openCopilotSettings(bridge)
    await user.type(within(section).getByLabelText('Model'), 'gpt-4o-mini')
    await user.type(within(section).getByLabelText('Model server key'), 'sk-typed')
    await user.click(within(section).getByRole('button', { name: 'Test' }))
    expect(sent(bridge, 'copilot.test')).toEqual([{ baseUrl: '', model: 'gpt-4o-mini', apiKey: 'sk-typed' }])
    expect(within(section).getByRole('alert').textContent).toContain('The model server refused the key (401).')
    expect(sent(bridge, 'copilot.configure')).toEqual([]) // testing saves nothing
  })

  it('in autopilot: chooses the agents it answers for, and the global pause is in the header too', async () => {
    const bridge = copilotBridge({ ...COPILOT_OFF, mode: 'autopilot' })
    const { section, user } = await openCopilotSettings(bridge)
    await user.click(within(section).getByRole('radio', { name: /Only the agents ticked/ }))
    await user.click(await within(section).findByRole('checkbox', { name: 'Sandbox Agent' }))
    expect(sent(bridge, 'copilot.configure')).toEqual([{ autopilotAgentIds: [] }, { autopilotAgentIds: ['agt_sandbox'] }])
    await user.click(screen.getByRole('button', { name: /Autopilot on/ }))
    expect(sent(bridge, 'copilot.pause')).toEqual([{ paused: true }])
    expect(within(section).getByRole('checkbox', { name: /Pause autopilot for every call/ })).toHaveProperty('checked', true)
    expect(screen.getByRole('button', { name: /Autopilot paused/ }).getAttribute('aria-pressed')).toBe('true')
  })
})

describe('the copilot draft in the SMS reply box', () => {
  async function openThread() {
    const bridge = copilotBridge({ ...COPILOT_OFF, mode: 'suggest' }, messagingBridge())
    const app = await renderApp(bridge)
    await app.user.click(screen.getByRole('button', { name: /^Messages/ }))
    await app.user.click(await screen.findByRole('option', { name: /0999/ }))
    const box = () => screen.getByLabelText<HTMLTextAreaElement>('Reply by SMS')
    const draft = (text: string, done = true) =>
      app.emit('copilot.smsDraft', { messageId: 'msg_in', conversationId: CONV_A.id, from: CONV_A.participant!, to: CONV_A.phoneNumber!, text, done, modelLabel: 'simulated model' })
    return { ...app, bridge, box, draft }
  }

  it('fills the empty box, and Enter sends it as is', async () => {
    const { box, draft, user, bridge, emit } = await openThread()
    emit('message.received', sms(CONV_A, 'Open on Sunday?'))
    draft('Yes, from ten.', false)
    expect(box().value).toBe('Yes, from ten.')
    expect(screen.getByText(/Drafted by/).textContent).toContain('simulated model — writing…')
    box().focus()
    await user.keyboard('{Enter}')
    expect(sent(bridge, 'messages.send')).toEqual([expect.objectContaining({ toNumber: CONV_A.participant, body: 'Yes, from ten.' })])
    expect(sent(bridge, 'copilot.dismiss')).toEqual([{ messageId: 'msg_in' }])
  })

  it('never overwrites what the person typed; Esc clears a draft in the box', async () => {
    const { box, draft, user } = await openThread()
    await user.type(box(), 'Mine')
    draft('The model says this.')
    expect(box().value).toBe('Mine')
    await user.clear(box())
    expect(box().value).toBe('The model says this.')
    await user.keyboard('{Escape}')
    expect(box().value).toBe('')
  })
})
