import { act, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { CommandResult } from '../../src-preload/contract'
import { fakeBridge } from './helpers/fake-bridge'
import type { FakeBridge } from './helpers/fake-bridge'
import { renderApp } from './helpers/render-app'
import { holdCommand, LIVE_STATUS, webhookStatus } from './helpers/webhooks-fixtures'

type Connect = CommandResult<'webhooks.connect'>

function liveBridge(connect?: Connect, status = webhookStatus()): FakeBridge {
  return fakeBridge({
    'app.status': () => LIVE_STATUS,
    'agents.list': () => ({ items: [{ id: 'agent_7', name: 'Front desk', voiceMode: 'webhook' }], total: 1 }),
    'webhooks.status': () => status,
    ...(connect ? { 'webhooks.connect': () => connect } : {})
  })
}

async function openConnect(bridge: FakeBridge) {
  const app = await renderApp(bridge)
  await app.user.click(screen.getByRole('button', { name: 'Webhooks' }))
  await app.user.click(screen.getByRole('tab', { name: 'Connect' }))
  return app
}

const OUTCOMES: Array<[Connect['test'], string, RegExp, RegExp]> = [
  ['verified', 'A test delivery arrived through the tunnel and its signature verified.', /Verified: deliveries reach Switchboard/, /Nothing else to do/],
  ['bad_signature', 'A test delivery arrived but was refused (bad_signature): …', /signature did not verify/, /rewrote the body/],
  ['not_arrived', 'Nothing reached the receiver.', /did not arrive/, /forwards to port 4100 on this computer/],
  ['api_refused', 'AgentPhone refused the registration: URL must be an http(s) URL', /AgentPhone refused the registration$/, /Check the URL/]
]

describe('Webhooks › Connect', () => {
  it.each(OUTCOMES)('says %s in plain words with what to do next', async (test, detail, title, next) => {
    const bridge = liveBridge({ webhook: { url: 'https://t.example/webhook' }, test, detail })
    const { user } = await openConnect(bridge)
    await user.type(screen.getByLabelText('Tunnel URL'), 'https://t.example')
    await user.click(screen.getByRole('button', { name: 'Connect' }))

    const result = await screen.findByRole('status', { name: 'Connection result' })
    expect(result.getAttribute('data-outcome')).toBe(test)
    expect(within(result).getByText(title)).toBeTruthy()
    expect(result.textContent).toContain(detail)
    expect(result.textContent).toMatch(next)
    expect(bridge.invokes.find((i) => i.method === 'webhooks.connect')?.params).toEqual({ url: 'https://t.example' })
    // Nothing typed is lost, whatever the outcome.
    expect((screen.getByLabelText('Tunnel URL') as HTMLInputElement).value).toBe('https://t.example')
  })

  it('shows the steps while it waits, naming the receiver port', async () => {
    const bridge = liveBridge({ webhook: null, test: 'verified', detail: 'ok' })
    const release = holdCommand(bridge, 'webhooks.connect')
    const { user } = await openConnect(bridge)
    await user.type(screen.getByLabelText('Tunnel URL'), 'https://t.example')
    await user.click(screen.getByRole('button', { name: 'Connect' }))

    const steps = await screen.findByRole('list', { name: 'Connecting' })
    expect(within(steps).getByText('Registering with AgentPhone…').closest('li')?.getAttribute('aria-current')).toBe('step')
    // The step moves when the core says the registration is done, not on a timer.
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(within(steps).getByText('Registering with AgentPhone…').closest('li')?.getAttribute('aria-current')).toBe('step')
    act(() => bridge.emit('webhooks.progress', { step: 'waiting', detail: 'Waiting…' }))
    await waitFor(() => expect(within(steps).getByText('Waiting for the test delivery at the receiver (port 4100)…').closest('li')?.getAttribute('aria-current')).toBe('step'))
    expect(screen.getByRole('button', { name: 'Connecting…' })).toHaveProperty('disabled', true)
    await act(async () => release())
    expect(await screen.findByRole('status', { name: 'Connection result' })).toBeTruthy()
    expect(screen.queryByRole('list', { name: 'Connecting' })).toBeNull()
  })

  it('warns before replacing a URL Switchboard did not register, and connects only once confirmed', async () => {
    const foreign = webhookStatus({ current: { url: 'https://their-server.example/hooks' }, ours: false })
    const bridge = liveBridge({ webhook: { url: 'https://t.example/webhook' }, test: 'verified', detail: 'ok' }, foreign)
    const { user } = await openConnect(bridge)
    await user.type(screen.getByLabelText('Tunnel URL'), 'https://t.example')
    await user.click(screen.getByRole('button', { name: 'Connect' }))

    const dialog = await screen.findByRole('dialog', { name: 'Replace the registered webhook?' })
    expect(dialog.textContent).toContain('https://their-server.example/hooks')
    expect(dialog.textContent).toContain('https://t.example/webhook')
    expect(bridge.methods()).not.toContain('webhooks.connect')

    await user.click(within(dialog).getByRole('button', { name: 'Keep it' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(bridge.methods()).not.toContain('webhooks.connect')

    await user.click(screen.getByRole('button', { name: 'Connect' }))
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Replace and connect' }))
    expect(await screen.findByText('Verified: deliveries reach Switchboard')).toBeTruthy()
    expect(bridge.methods().filter((m) => m === 'webhooks.connect')).toHaveLength(1)
  })

  it('does not ask again when the registered URL is already ours', async () => {
    const ours = webhookStatus({ current: { url: 'https://old-tunnel.example/webhook' }, ours: true })
    const bridge = liveBridge({ webhook: null, test: 'verified', detail: 'ok' }, ours)
    const { user } = await openConnect(bridge)
    await user.type(screen.getByLabelText('Tunnel URL'), 'https://new-tunnel.example')
    await user.click(screen.getByRole('button', { name: 'Connect' }))
    expect(await screen.findByText('Verified: deliveries reach Switchboard')).toBeTruthy()
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('refuses an incomplete URL and bad numbers before asking anyone, scoped to the chosen agent when valid', async () => {
    const bridge = liveBridge({ webhook: null, test: 'verified', detail: 'ok' })
    const { user } = await openConnect(bridge)
    await user.type(screen.getByLabelText('Tunnel URL'), 'abc123.ngrok.app')
    await user.type(screen.getByLabelText('Timeout (seconds)'), '500')
    await user.click(screen.getByRole('button', { name: 'Connect' }))
    expect(screen.getByText(/That is not a full URL/)).toBeTruthy()
    expect(screen.getByText('Timeout must be a whole number from 5 to 120.')).toBeTruthy()
    expect(bridge.methods()).not.toContain('webhooks.connect')

    await user.clear(screen.getByLabelText('Tunnel URL'))
    await user.type(screen.getByLabelText('Tunnel URL'), 'https://abc123.ngrok.app')
    await user.clear(screen.getByLabelText('Timeout (seconds)'))
    await user.type(screen.getByLabelText('Timeout (seconds)'), '45')
    await user.selectOptions(screen.getByLabelText('Scope'), 'agent_7')
    await user.click(screen.getByRole('button', { name: 'Connect' }))
    await screen.findByRole('status', { name: 'Connection result' })
    expect(bridge.invokes.find((i) => i.method === 'webhooks.connect')?.params).toEqual({ url: 'https://abc123.ngrok.app', agentId: 'agent_7', timeout: 45 })
  })

  it('fills the URL from a detected ngrok tunnel', async () => {
    const bridge = liveBridge()
    bridge.respond('webhooks.detectTunnel', () => ({ url: 'https://abc.ngrok.app/webhook', source: 'ngrok', detail: 'Found an ngrok tunnel.' }))
    const { user } = await openConnect(bridge)
    await user.click(screen.getByRole('button', { name: 'Detect ngrok' }))
    expect((screen.getByLabelText('Tunnel URL') as HTMLInputElement).value).toBe('https://abc.ngrok.app/webhook')
    expect(screen.getByText('Found an ngrok tunnel.')).toBeTruthy()
  })

  it('offers to put the previous URL back on disconnect, warning about the new secret', async () => {
    const status = webhookStatus({ current: { url: 'https://t.example/webhook' }, ours: true, previous: { url: 'https://their-server.example/hooks' } })
    const bridge = liveBridge(undefined, status)
    bridge.respond('webhooks.disconnect', () => ({ restored: { url: 'https://their-server.example/hooks' }, note: 'https://their-server.example/hooks is registered again.' }))
    const { user } = await openConnect(bridge)
    await user.click(await screen.findByRole('button', { name: 'Disconnect' }))
    const dialog = screen.getByRole('dialog', { name: 'Disconnect the webhook' })
    expect(dialog.textContent).toContain('https://their-server.example/hooks')
    expect(dialog.textContent).toMatch(/new signing secret on every registration/)
    await user.click(within(dialog).getByRole('button', { name: 'Put back the previous URL' }))
    expect(bridge.invokes.find((i) => i.method === 'webhooks.disconnect')?.params).toEqual({ restorePrevious: true })
    expect(await screen.findByText('https://their-server.example/hooks is registered again.')).toBeTruthy()
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('in sandbox mode explains there is nothing to connect and shows the receiver URL', async () => {
    const { user } = await renderApp()
    await user.click(screen.getByRole('button', { name: 'Webhooks' }))
    await user.click(screen.getByRole('tab', { name: 'Connect' }))
    expect(screen.getByText(/delivers signed webhooks straight to the receiver/)).toBeTruthy()
    expect(screen.getAllByText('http://127.0.0.1:4100/webhook').length).toBeGreaterThan(0)
    expect(screen.queryByLabelText('Tunnel URL')).toBeNull()
  })
})
