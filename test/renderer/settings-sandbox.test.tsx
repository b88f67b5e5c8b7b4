import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { AppStatus, CommandParams, Settings } from '../../src-preload/contract'
import { fakeBridge, SANDBOX_STATUS } from './helpers/fake-bridge'
import type { FakeBridge } from './helpers/fake-bridge'
import { renderApp } from './helpers/render-app'
import { LIVE_STATUS, SETTINGS } from './helpers/webhooks-fixtures'

const AFTER_RESET: AppStatus = {
  ...SANDBOX_STATUS,
  sandbox: { agent: { id: 'agt_new', name: 'Sandbox Agent', voiceMode: 'webhook' }, number: { id: 'num_new', phoneNumber: '+14155550101' } }
}

function bridgeFor(status: AppStatus): FakeBridge {
  let current: Settings = { ...SETTINGS }
  return fakeBridge({
    'app.status': () => status,
    'settings.get': () => current,
    'settings.update': (patch: CommandParams<'settings.update'>) => (current = { ...current, ...patch }),
    'sandbox.reset': () => AFTER_RESET,
    // What the views ask for again after a reset: the new sandbox is empty.
    'conversations.list': () => ({ items: [], total: 0 }),
    'agents.list': () => ({ items: [], total: 0 }),
    'numbers.list': () => ({ items: [], total: 0 })
  })
}

async function openSettings(bridge: FakeBridge) {
  const app = await renderApp(bridge)
  await app.user.click(screen.getByRole('button', { name: 'Settings' }))
  const section = await screen.findByRole('region', { name: 'Sandbox' })
  return { ...app, section }
}

const resets = (b: FakeBridge) => b.invokes.filter((i) => i.method === 'sandbox.reset')

describe('Settings › Sandbox', () => {
  it('asks before resetting; Cancel (focused first) resets nothing', async () => {
    const bridge = bridgeFor(SANDBOX_STATUS)
    const { user, section } = await openSettings(bridge)
    await user.click(within(section).getByRole('button', { name: /Reset sandbox/ }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Reset the sandbox?' })
    expect(dialog.textContent).toContain('cannot be undone')
    expect(document.activeElement?.textContent).toBe('Cancel')
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(resets(bridge)).toEqual([])
  })

  it('resets on confirmation, says so, and takes the new sandbox agent into the status', async () => {
    const bridge = bridgeFor(SANDBOX_STATUS)
    const { user, section, store } = await openSettings(bridge)
    await user.click(within(section).getByRole('button', { name: /Reset sandbox/ }))
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Reset sandbox' }))
    expect(await within(section).findByText(/The sandbox was reset/)).toBeTruthy()
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(resets(bridge)).toHaveLength(1)
    expect(store.getState().status?.sandbox?.agent.id).toBe('agt_new')
    // The views' copies of the old sandbox are asked for again.
    expect(bridge.methods()).toEqual(expect.arrayContaining(['conversations.list', 'agents.list', 'numbers.list', 'usage.summary']))
  })

  it('keeps a refusal inside the dialog', async () => {
    const bridge = bridgeFor(SANDBOX_STATUS)
    bridge.respond('sandbox.reset', () => ({ ok: false, error: { code: 'internal', message: 'The state file could not be written' } }))
    const { user, section } = await openSettings(bridge)
    await user.click(within(section).getByRole('button', { name: /Reset sandbox/ }))
    const dialog = await screen.findByRole('alertdialog')
    await user.click(within(dialog).getByRole('button', { name: 'Reset sandbox' }))
    expect(await within(dialog).findByText(/The state file could not be written/)).toBeTruthy()
  })

  it('in live mode says the sandbox exists in sandbox mode only, with no reset button', async () => {
    const { section } = await openSettings(bridgeFor(LIVE_STATUS))
    expect(section.textContent).toContain('sandbox mode only')
    expect(within(section).queryByRole('button')).toBeNull()
  })
})
