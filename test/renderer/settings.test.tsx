import { act, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { CommandParams, Settings } from '../../src-preload/contract'
import { fakeBridge, SANDBOX_STATUS } from './helpers/fake-bridge'
import type { FakeBridge } from './helpers/fake-bridge'
import { renderApp } from './helpers/render-app'
import { holdCommand, LIVE_STATUS, SETTINGS } from './helpers/webhooks-fixtures'

function settingsBridge(over: Parameters<typeof fakeBridge>[0] = {}): FakeBridge {
  let current: Settings = { ...SETTINGS }
  return fakeBridge({
    'settings.get': () => current,
    'settings.update': (patch: CommandParams<'settings.update'>) => (current = { ...current, ...patch }),
    ...over
  })
}

async function openSettings(bridge: FakeBridge) {
  const app = await renderApp(bridge)
  await app.user.click(screen.getByRole('button', { name: 'Settings' }))
  await screen.findByRole('heading', { name: 'Voice turns' })
  return app
}

const updates = (b: FakeBridge) => b.invokes.filter((i) => i.method === 'settings.update').map((i) => i.params)

describe('Settings › Voice turns', () => {
  it('refuses a margin as long as the timeout, saying why, and saves once fixed', async () => {
    const bridge = settingsBridge()
    const { user } = await openSettings(bridge)
    const margin = screen.getByLabelText('Fallback speaks this early (seconds)')
    await user.clear(margin)
    await user.type(margin, '30')
    await user.click(screen.getByRole('button', { name: 'Save voice turns' }))
    expect(screen.getByText('This must be shorter than how long AgentPhone waits, or no time is left to answer.')).toBeTruthy()
    expect(margin.getAttribute('aria-invalid')).toBe('true')
    expect(updates(bridge)).toEqual([])

    await user.clear(margin)
    await user.type(margin, '4.5')
    await user.click(screen.getByRole('button', { name: 'Save voice turns' }))
    expect(updates(bridge)).toEqual([
      { fillerText: 'One moment, please.', fillerEnabled: true, fallbackText: 'Sorry, nobody can answer right now.', deadlineMarginSeconds: 4.5, webhookTimeoutSeconds: 30 }
    ])
    expect(screen.getByText('Voice turn settings saved.')).toBeTruthy()
  })

  it('keeps what was typed when the core refuses the save', async () => {
    const bridge = settingsBridge({ 'settings.update': () => ({ ok: false, error: { code: 'internal', message: 'disk full' } }) })
    const { user } = await openSettings(bridge)
    const fallback = screen.getByLabelText('Fallback line')
    await user.clear(fallback)
    await user.type(fallback, 'Please call back later.')
    await user.click(screen.getByRole('button', { name: 'Save voice turns' }))
    expect(screen.getByText('Not saved: disk full')).toBeTruthy()
    expect((fallback as HTMLTextAreaElement).value).toBe('Please call back later.')
  })

  it('allows an empty filler only when the filler is off', async () => {
    const bridge = settingsBridge()
    const { user } = await openSettings(bridge)
    await user.clear(screen.getByLabelText('Holding line'))
    await user.click(screen.getByRole('button', { name: 'Save voice turns' }))
    expect(screen.getByText('Write a holding line, or turn it off.')).toBeTruthy()
    await user.click(screen.getByLabelText('Say a holding line while the caller waits'))
    await user.click(screen.getByRole('button', { name: 'Save voice turns' }))
    expect(updates(bridge)[0]).toMatchObject({ fillerEnabled: false, fillerText: '' })
  })
})

// Typing through user-event into a long Settings page is slow on a busy two-core machine: a roomier budget than 5 s.
describe('Settings › Quick replies', { timeout: 20_000 }, () => {
  it('adds, edits, reorders and deletes, then saves the list in order', async () => {
    const bridge = settingsBridge()
    const { user } = await openSettings(bridge)
    await user.type(screen.getByLabelText('New quick reply'), 'Please hold.{Enter}')
    await user.click(screen.getByRole('button', { name: 'Move reply 4 up' }))
    await user.click(screen.getByRole('button', { name: 'Delete reply 1' }))
    const second = screen.getByLabelText('Quick reply 2')
    await user.clear(second)
    await user.type(second, 'Please hold the line.')
    await user.click(screen.getByRole('button', { name: 'Save quick replies' }))
    expect(updates(bridge)).toEqual([{ quickReplies: ['Second reply', 'Please hold the line.', 'Third reply'] }])
    expect(screen.getByText('Saved: 3 quick replies.')).toBeTruthy()
  })

  it('names an empty reply instead of saving it', async () => {
    const bridge = settingsBridge()
    const { user } = await openSettings(bridge)
    await user.clear(screen.getByLabelText('Quick reply 3'))
    await user.click(screen.getByRole('button', { name: 'Save quick replies' }))
    expect(screen.getByText('Reply 3 is empty: write it or delete it.')).toBeTruthy()
    expect(updates(bridge)).toEqual([])
  })

  it('stops adding at 20 replies', async () => {
    const bridge = settingsBridge({ 'settings.get': () => ({ ...SETTINGS, quickReplies: Array.from({ length: 20 }, (_, i) => `Reply ${i}`) }) })
    await openSettings(bridge)
    expect(screen.getByLabelText('New quick reply')).toHaveProperty('disabled', true)
    expect(screen.getByRole('button', { name: 'Add' })).toHaveProperty('disabled', true)
  })
})

describe('Settings › Connection', () => {
  it('never shows the key: says one is stored, clears the field once saved, keeps it on a refusal', async () => {
    const bridge = settingsBridge({ 'app.status': () => LIVE_STATUS })
    const { user } = await openSettings(bridge)
    expect(screen.getByText('A key is stored')).toBeTruthy()
    const key = screen.getByLabelText('API key') as HTMLInputElement
    expect(key.type).toBe('password')
    expect(key.value).toBe('')

    await user.type(key, 'short')
    await user.click(screen.getByRole('button', { name: 'Save key' }))
    expect(screen.getByText('That API key is too short: copy the whole key.')).toBeTruthy()
    expect(bridge.methods()).not.toContain('app.configure')

    bridge.respond('app.configure', () => ({ ok: false, error: { code: 'not_available', message: 'secret storage is unavailable' } }))
    await user.clear(key)
    await user.type(key, 'sk_live_1234567890')
    await user.click(screen.getByRole('button', { name: 'Save key' }))
    expect(screen.getByText('The key was not saved: secret storage is unavailable')).toBeTruthy()
    expect(key.value).toBe('sk_live_1234567890')

    bridge.respond('app.configure', () => LIVE_STATUS)
    await user.click(screen.getByRole('button', { name: 'Save key' }))
    expect(bridge.invokes.filter((i) => i.method === 'app.configure').at(-1)?.params).toEqual({ apiKey: 'sk_live_1234567890' })
    expect(key.value).toBe('')
    expect(screen.getByText('Saved: the API key is stored, encrypted.')).toBeTruthy()
  })

  it('will not switch to live without a key, and shows progress while the core restarts', async () => {
    const bridge = settingsBridge()
    const { user, emit } = await openSettings(bridge)
    const group = screen.getByRole('group', { name: 'Mode' })
    expect(within(group).getByRole('button', { name: 'Sandbox mode' }).getAttribute('aria-pressed')).toBe('true')
    await user.click(within(group).getByRole('button', { name: 'Live mode' }))
    expect(screen.getByText(/save an API key below first/)).toBeTruthy()
    expect(bridge.methods()).not.toContain('app.switchMode')

    emit('app.status', { ...SANDBOX_STATUS, hasApiKey: true })
    bridge.respond('app.switchMode', () => LIVE_STATUS)
    const release = holdCommand(bridge, 'app.switchMode')
    await user.click(within(group).getByRole('button', { name: 'Live mode' }))
    expect(screen.getByText('Switching to live mode… the core restarts.')).toBeTruthy()
    expect(within(group).getByRole('button', { name: 'Sandbox mode' })).toHaveProperty('disabled', true)
    await act(async () => release())
    emit('app.status', { ...LIVE_STATUS, startedAt: '2026-01-01T00:05:00.000Z', notice: null })
    expect(bridge.invokes.find((i) => i.method === 'app.switchMode')?.params).toEqual({ mode: 'live' })
    expect(within(group).getByRole('button', { name: 'Live mode' }).getAttribute('aria-pressed')).toBe('true')
    expect(screen.getByLabelText('Mode: Live')).toBeTruthy()
  })

  it('validates the connection fields and sends only what changed', async () => {
    const bridge = settingsBridge({ 'app.status': () => LIVE_STATUS, 'app.configure': () => LIVE_STATUS })
    const { user } = await openSettings(bridge)
    const port = screen.getByLabelText('Port for incoming webhooks')
    await user.type(port, '70000')
    await user.click(screen.getByRole('button', { name: 'Save connection' }))
    expect(screen.getByText('The receiver port must be a whole number from 0 (any free port) to 65535.')).toBeTruthy()
    expect(bridge.methods()).not.toContain('app.configure')

    await user.clear(port)
    await user.type(port, '4555')
    await user.type(screen.getByLabelText('Public tunnel URL'), 'https://abc.ngrok.app')
    await user.click(screen.getByRole('button', { name: 'Save connection' }))
    expect(bridge.invokes.find((i) => i.method === 'app.configure')?.params).toEqual({ receiverPort: 4555, tunnelUrl: 'https://abc.ngrok.app' })
  })

  it('opens at Connection from the header mode badge', async () => {
    const { user } = await renderApp(settingsBridge())
    await user.click(screen.getByRole('button', { name: 'Mode: Sandbox' }))
    const heading = await screen.findByRole('heading', { name: 'Connection' })
    expect(document.activeElement).toBe(heading)
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Settings')
  })
})

describe('Settings › Notifications', () => {
  it('saves a toggle at once', async () => {
    const bridge = settingsBridge()
    const { user } = await openSettings(bridge)
    await user.click(screen.getByLabelText('An SMS arrives'))
    expect(updates(bridge)).toEqual([{ notifications: { inboundCall: true, waitingTurn: true, sms: true } }])
    expect(screen.getByLabelText('An SMS arrives')).toHaveProperty('checked', true)
  })
})
