import { act, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { CommandParams, Settings } from '../../src-preload/contract'
import { startUnloadGuard } from '../../src-renderer/lib/leave-guard'
import { fakeBridge } from './helpers/fake-bridge'
import type { FakeBridge } from './helpers/fake-bridge'
import { renderApp } from './helpers/render-app'
import { SETTINGS } from './helpers/webhooks-fixtures'

function settingsBridge(): FakeBridge {
  let current: Settings = { ...SETTINGS }
  return fakeBridge({ 'settings.get': () => current, 'settings.update': (patch: CommandParams<'settings.update'>) => (current = { ...current, ...patch }) })
}

async function openSettings() {
  const app = await renderApp(settingsBridge())
  await app.user.click(screen.getByRole('button', { name: 'Settings' }))
  await screen.findByRole('heading', { name: 'Voice turns' })
  return app
}

const nav = (name: RegExp) => within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name })
const stops: Array<() => void> = []
afterEach(() => stops.splice(0).forEach((s) => s()))

describe('Settings: edits not saved yet', () => {
  it('asks before leaving the view; Stay keeps the edit, Leave drops it', async () => {
    const { user, store } = await openSettings()
    const holding = screen.getByLabelText<HTMLTextAreaElement>('Holding line')
    await user.clear(holding)
    await user.type(holding, 'Hold on a second.')

    await user.click(nav(/^Agents/))
    const ask = screen.getByRole('alertdialog', { name: 'Leave without saving?' })
    expect(ask.textContent).toContain('Your changes to Voice turns are not saved yet')
    await user.click(within(ask).getByRole('button', { name: 'Stay and save' }))
    expect(store.getState().view).toBe('settings')
    expect(screen.getByLabelText<HTMLTextAreaElement>('Holding line').value).toBe('Hold on a second.')

    // The `g` keys and the other ways of moving ask the same way.
    await user.click(document.body)
    await user.keyboard('gu')
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Leave without saving' }))
    expect(store.getState().view).toBe('usage')
    await user.click(nav(/^Settings/))
    expect((await screen.findByLabelText<HTMLTextAreaElement>('Holding line')).value).toBe('One moment, please.')
  })

  it('lets go once saved, and names every section with edits', async () => {
    const { user, store } = await openSettings()
    await user.type(screen.getByLabelText('New quick reply'), 'Back in a tick')
    await user.type(screen.getByLabelText('Your name'), ' Lovelace')
    await user.click(nav(/^Monitor/))
    expect(screen.getByRole('alertdialog').textContent).toMatch(/Your changes to (Quick replies and your name|your name and Quick replies) are not saved/)
    await user.click(screen.getByRole('button', { name: 'Stay and save' }))

    await user.click(screen.getByRole('button', { name: 'Save quick replies' }))
    expect(screen.getByText(/Saved: \d+ quick replies\./)).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Save name' }))
    expect(screen.getByText(/Saved: teammates see you as .* Lovelace\./)).toBeTruthy()
    await user.click(nav(/^Monitor/))
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(store.getState().view).toBe('monitor')
  })

  it('asks the browser before the page closes or reloads, only while something is unsaved', async () => {
    const { user, store } = await openSettings()
    stops.push(startUnloadGuard(store))
    const unload = () => {
      const e = new Event('beforeunload', { cancelable: true })
      window.dispatchEvent(e)
      return e.defaultPrevented
    }
    expect(unload()).toBe(false)
    await user.type(screen.getByLabelText('Keep history for (days)'), '5')
    expect(unload()).toBe(true)
    await user.click(screen.getByRole('button', { name: 'Save retention' }))
    await act(async () => {
      await Promise.resolve()
    })
    expect(unload()).toBe(false)
  })
})
