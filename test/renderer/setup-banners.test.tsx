import { act, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { AppStatus } from '../../src-preload/contract'
import { fakeBridge, SANDBOX_STATUS } from './helpers/fake-bridge'
import { renderApp } from './helpers/render-app'

describe('banners about the link and the setup', () => {
  it('tells a tab whose token was refused how to get the new address', async () => {
    const bridge = fakeBridge()
    await renderApp(bridge)
    act(() => bridge.setConnection('token-refused'))
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toContain('no longer accepts this tab’s access token')
    expect(alert.textContent).toContain('--new-token')
    expect(alert.textContent).toContain('Open the address it printed')
    expect(screen.queryByText(/reconnecting/i)).toBeNull()
  })

  it('shows a broken journal as an alert, with the reason', async () => {
    const broken: AppStatus = { ...SANDBOX_STATUS, journal: { ok: false, error: 'ENOSPC: no space left on device', since: '2026-01-01T00:00:00.000Z' } }
    await renderApp(fakeBridge({ 'app.status': () => broken }))
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toContain('History is not being saved (ENOSPC: no space left on device)')
  })

  it('says nothing about a healthy journal', async () => {
    await renderApp(fakeBridge({ 'app.status': () => ({ ...SANDBOX_STATUS, journal: { ok: true, error: null, since: null } }) }))
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('offers the two ways out of a taken receiver port: try again, or move the receiver and go live', async () => {
    const conflict: AppStatus = {
      ...SANDBOX_STATUS,
      notice: 'Live mode needs the receiver on port 7481, where your tunnel forwards, but another program holds it.',
      portConflict: { port: 7481, suggestion: 7482 }
    }
    const bridge = fakeBridge({ 'app.status': () => conflict, 'app.switchMode': () => ({ ...conflict, mode: 'live', portConflict: null }), 'app.configure': () => conflict })
    const { user } = await renderApp(bridge)
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toContain('port 7481')
    await user.click(within(alert).getByRole('button', { name: 'Use port 7482 and go live' }))
    expect(bridge.invokes.filter((i) => i.method === 'app.configure' || i.method === 'app.switchMode')).toEqual([
      { method: 'app.configure', params: { receiverPort: 7482 } },
      { method: 'app.switchMode', params: { mode: 'live' } }
    ])
    await user.click(within(alert).getByRole('button', { name: 'Port 7481 is free now: try live again' }))
    expect(bridge.invokes.filter((i) => i.method === 'app.switchMode')).toHaveLength(2)
  })
})
