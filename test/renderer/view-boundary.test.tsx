import { screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { fakeBridge, inSeconds, makeCall } from './helpers/fake-bridge'
import { renderApp } from './helpers/render-app'

// A Usage view that throws while rendering, as a bug in a chart or a bad payload would; `broken`
// lets the test fix it before pressing Reload view.
const usage = vi.hoisted(() => ({ broken: true }))
vi.mock('../../src-renderer/views/usage/UsageView', () => ({
  UsageView: () => {
    if (usage.broken) throw new Error('Cannot read properties of undefined (reading "calls")')
    return <h1>Usage</h1>
  }
}))

describe('a view that throws', () => {
  it('shows what happened with Reload view, logs it through the core, and the rest keeps running', async () => {
    // React reports the caught error on the console too; keep the test output readable.
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      const bridge = fakeBridge()
      const { user, emit, store } = await renderApp(bridge)
      const call = makeCall({ from: '+14155550123' })
      emit('call.started', call)
      await user.click(screen.getByRole('button', { name: /^Usage/ }))

      const crashed = screen.getByRole('alert')
      expect(crashed.textContent).toContain('The Usage view stopped working.')
      expect(crashed.textContent).toContain('What happened: Cannot read properties of undefined (reading "calls")')
      const report = bridge.invokes.find((i) => i.method === 'app.reportError')
      expect(report?.params).toMatchObject({ view: 'usage', message: 'Cannot read properties of undefined (reading "calls")' })
      expect((report?.params as { stack?: string }).stack).toContain('Cannot read properties')
      // The keyboard was on the Usage button, which still exists: focus is left where it was.
      expect(document.activeElement?.textContent).toContain('Usage')

      // Header, alert, navigation and the sandbox phone keep working, and the turn stays answerable.
      emit('turn.opened', { turnId: 't1', callId: call.id, transcript: 'Are you still there?', deadline: inSeconds(20) })
      const waiting = screen.getByRole('region', { name: 'Callers waiting for you' })
      expect(within(waiting).getByText('Are you still there?')).toBeTruthy()
      expect(document.title).toBe('(1 waiting) Switchboard')
      expect(screen.getByRole('complementary', { name: 'Sandbox phone' })).toBeTruthy()
      expect(within(screen.getByRole('banner')).getByRole('button', { name: 'Mute alerts' })).toBeTruthy()

      usage.broken = false
      await user.click(screen.getByRole('button', { name: 'Reload view' }))
      expect(screen.getByRole('heading', { name: 'Usage' })).toBeTruthy()
      expect(screen.queryByText(/stopped working/)).toBeNull()

      await user.click(within(waiting).getByRole('button', { name: /^Answer/ }))
      expect(store.getState().openCallId).toBe(call.id)
      expect(document.activeElement).toBe(document.getElementById(`reply-${call.id}`))
    } finally {
      consoleError.mockRestore()
      usage.broken = true
    }
  })
})
