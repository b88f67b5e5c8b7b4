import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { directoryBridge, makeAgent, makeNumber } from './helpers/directory-fixtures'
import { useFakeLayout } from './helpers/fake-layout'
import { renderApp } from './helpers/render-app'

const support = makeAgent({ id: 'agent_1', name: 'Support Line' })
const desk = makeAgent({ id: 'agent_2', name: 'Appointment Desk', voiceMode: 'hosted', systemPrompt: 'Book visits.' })
const attached = makeNumber({ id: 'num_1', phoneNumber: '+14155550123', agentId: 'agent_1' })
const spare = makeNumber({ id: 'num_2', phoneNumber: '+16045550188', country: 'CA', agentId: null })

async function openNumbers(bridge = directoryBridge([support, desk], [attached, spare])) {
  const app = await renderApp(bridge)
  await app.user.click(screen.getByRole('button', { name: 'Numbers' }))
  await screen.findByRole('row', { name: /\+1 415 555 0123/ })
  return app
}

describe('Numbers view', { timeout: 20_000 }, () => {
  it('lists each number with its country, status in words and its agent by name', async () => {
    await openNumbers()
    const row = screen.getByRole('row', { name: /\+1 415 555 0123/ })
    expect(within(row).getByText('Support Line')).toBeTruthy()
    expect(within(row).getByText('Active')).toBeTruthy()
    const other = screen.getByRole('row', { name: /\+1 604 555 0188/ })
    expect(within(other).getByText('CA')).toBeTruthy()
    expect(within(other).getByText('Unassigned')).toBeTruthy()
  })

  it('shows the API refusal of a purchase in the dialog and keeps what was chosen', async () => {
    const bridge = directoryBridge([support], [attached])
    bridge.respond('numbers.buy', () => ({
      ok: false,
      error: { code: 'api_error', status: 409, message: 'Number limit reached: this account may hold 10 numbers. Release a number before buying another.' }
    }))
    const { user } = await openNumbers(bridge)
    await user.click(screen.getByRole('button', { name: 'Buy number' }))
    const dialog = screen.getByRole('dialog', { name: 'Buy a number' })

    // A malformed area code is caught here, before anything is bought.
    await user.type(within(dialog).getByLabelText('Area code'), '41')
    await user.click(within(dialog).getByRole('button', { name: 'Buy number' }))
    expect(bridge.methods()).not.toContain('numbers.buy')
    expect(within(dialog).getByText(/exactly 3 digits/)).toBeTruthy()

    await user.type(within(dialog).getByLabelText('Area code'), '5')
    await user.selectOptions(within(dialog).getByLabelText('Attach to agent'), 'Support Line')
    await user.click(within(dialog).getByRole('button', { name: 'Buy number' }))
    expect(bridge.invokes.find((i) => i.method === 'numbers.buy')?.params).toEqual({ country: 'US', areaCode: '415', agentId: 'agent_1' })

    const alert = await within(dialog).findByRole('alert')
    expect(alert.textContent).toContain('Number limit reached: this account may hold 10 numbers.')
    expect(screen.getByRole('dialog', { name: 'Buy a number' })).toBeTruthy()
    expect(within(dialog).getByLabelText<HTMLInputElement>('Area code').value).toBe('415')
    expect(within(dialog).getByLabelText<HTMLSelectElement>('Attach to agent').value).toBe('agent_1')
  })

  it('releases a number only after a confirmation that says it is irreversible', async () => {
    const { user, bridge } = await openNumbers()
    await user.click(screen.getByRole('button', { name: 'Release +1 415 555 0123' }))
    const confirm = screen.getByRole('alertdialog', { name: 'Release +1 415 555 0123?' })
    expect(confirm.textContent).toMatch(/irreversible/)
    expect(confirm.textContent).toMatch(/gone from your account/)
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }))
    expect(bridge.methods()).not.toContain('numbers.release')

    await user.click(screen.getByRole('button', { name: 'Release +1 415 555 0123' }))
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Release number' }))
    expect(bridge.invokes.filter((i) => i.method === 'numbers.release')).toEqual([{ method: 'numbers.release', params: { numberId: 'num_1' } }])
    await waitFor(() => expect(screen.queryByRole('row', { name: /\+1 415 555 0123/ })).toBeNull())
  })

  it('attaches a spare number to an agent from the menu, and detaches it again', async () => {
    const { user, bridge } = await openNumbers()
    await user.click(screen.getByRole('button', { name: 'Attach +1 604 555 0188 to an agent' }))
    await user.click(await screen.findByRole('menuitem', { name: /Appointment Desk/ }))
    expect(bridge.invokes.find((i) => i.method === 'numbers.attach')?.params).toEqual({ numberId: 'num_2', agentId: 'agent_2' })
    const row = await screen.findByRole('row', { name: /\+1 604 555 0188.*Appointment Desk/ })

    await user.click(within(row).getByRole('button', { name: 'Detach +1 604 555 0188 from Appointment Desk' }))
    expect(bridge.invokes.find((i) => i.method === 'numbers.detach')?.params).toEqual({ numberId: 'num_2', agentId: 'agent_2' })
    await screen.findByRole('row', { name: /\+1 604 555 0188.*Unassigned/ })
  })

  describe('with a long list', () => {
    useFakeLayout(400)

    it('renders only a window of rows, while the table still reports every row', async () => {
      const many = Array.from({ length: 300 }, (_, i) => makeNumber({ id: `num_${i}`, phoneNumber: `+1415555${String(1000 + i)}` }))
      const app = await renderApp(directoryBridge([support], many))
      await app.user.click(screen.getByRole('button', { name: 'Numbers' }))
      const table = await screen.findByRole('table', { name: 'Phone numbers' })
      const first = await screen.findByRole('row', { name: /\+1 415 555 1000/ })
      expect(first.getAttribute('aria-rowindex')).toBe('2')
      expect(table.getAttribute('aria-rowcount')).toBe('301')
      const rendered = within(table).getAllByRole('row').length
      expect(rendered).toBeGreaterThan(5)
      expect(rendered).toBeLessThan(40)
    })
  })

  it('says how to get a first number when there are none', async () => {
    const app = await renderApp(directoryBridge([support], []))
    await app.user.click(screen.getByRole('button', { name: 'Numbers' }))
    expect(await screen.findByText('No numbers yet.')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Buy your first number' })).toBeTruthy()
  })
})
