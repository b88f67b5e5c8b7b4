import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { UpdateStatus } from '../../src-preload/contract'
import { fakeBridge } from './helpers/fake-bridge'
import { renderApp } from './helpers/render-app'

const READY: UpdateStatus = { state: 'ready', currentVersion: '0.1.0', version: '0.2.0', percent: 100, canRestart: true, heldBy: null, detail: 'Switchboard 0.2.0 is ready: restart to update.', checkedAt: null }
const HELD: UpdateStatus = { ...READY, canRestart: false, heldBy: 'a call is live' }

describe('update banner', () => {
  it('shows nothing where this copy does not update itself (from source, the headless shell)', async () => {
    const bridge = fakeBridge({ 'update.status': () => ({ ...READY, state: 'unavailable', version: null, canRestart: false, detail: 'from git' }) })
    await renderApp(bridge)
    expect(bridge.methods()).toContain('update.status')
    expect(screen.queryByRole('region', { name: 'Update ready' })).toBeNull()
  })

  it('holds "Restart to update" while a call is live, saying why, and offers it when the call ends', async () => {
    const bridge = fakeBridge({ 'update.status': () => HELD, 'update.restart': () => ({ restarting: true }) })
    const { user, emit } = await renderApp(bridge)
    const banner = await screen.findByRole('region', { name: 'Update ready' })
    expect(banner.textContent).toContain('Switchboard 0.2.0 is ready to install.')
    const button = within(banner).getByRole('button', { name: 'Restart to update' })
    expect(button).toHaveProperty('disabled', true)
    expect(button.getAttribute('aria-describedby')).toBe('update-held')
    expect(document.getElementById('update-held')?.textContent).toContain('now a call is live')

    emit('update.status', READY)
    expect(button).toHaveProperty('disabled', false)
    expect(document.getElementById('update-held')).toBeNull()
    await user.click(button)
    expect(bridge.methods()).toContain('update.restart')
    expect(within(banner).getByRole('button', { name: 'Restarting…' })).toHaveProperty('disabled', true)
  })

  it('a refused restart (a call came in meanwhile) says why and lets the person try again', async () => {
    const bridge = fakeBridge({ 'update.status': () => READY, 'update.restart': () => ({ ok: false, error: { code: 'not_available', message: 'Not now: a call is live.' } }) })
    const { user } = await renderApp(bridge)
    const banner = await screen.findByRole('region', { name: 'Update ready' })
    await user.click(within(banner).getByRole('button', { name: 'Restart to update' }))
    expect(await screen.findByText(/Not now: a call is live\./)).toBeTruthy()
    expect(within(banner).getByRole('button', { name: 'Restart to update' })).toHaveProperty('disabled', false)
  })

  it('Later puts the offer away until a newer version is ready', async () => {
    const bridge = fakeBridge({ 'update.status': () => READY })
    const { user, emit } = await renderApp(bridge)
    await user.click(within(await screen.findByRole('region', { name: 'Update ready' })).getByRole('button', { name: 'Later' }))
    expect(screen.queryByRole('region', { name: 'Update ready' })).toBeNull()
    emit('update.status', { ...READY, detail: 'again' })
    expect(screen.queryByRole('region', { name: 'Update ready' })).toBeNull()
    emit('update.status', { ...READY, version: '0.3.0' })
    expect(screen.getByRole('region', { name: 'Update ready' }).textContent).toContain('Switchboard 0.3.0 is ready to install.')
  })
})
