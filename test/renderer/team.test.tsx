import { act, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { TeamMember, WhoAmI } from '../../src-preload/contract'
import { UnencryptedBanner } from '../../src-renderer/components/UnencryptedBanner'
import { createAppStore } from '../../src-renderer/store/create-store'
import { StoreProvider } from '../../src-renderer/store/store-context'
import { fakeBridge, inSeconds, makeCall, type FakeBridge } from './helpers/fake-bridge'
import { renderApp } from './helpers/render-app'
import { SETTINGS } from './helpers/webhooks-fixtures'

const hub = { tls: false, exposed: false }
const OWNER: WhoAmI = { id: 'owner', name: 'Ada', role: 'owner', local: false, hub }
const GRACE: WhoAmI = { id: 'p_grace', name: 'Grace', role: 'operator', local: false, hub }
const member = (id: string, name: string, role: TeamMember['role'], connections = 0): TeamMember => ({ id, name, role, createdAt: '2026-01-01T00:00:00.000Z', rotatedAt: null, connections })

function teamBridge(me: WhoAmI): FakeBridge {
  let members = [member('owner', 'Ada', 'owner', 1)]
  return fakeBridge({
    'team.whoami': () => me,
    'settings.get': () => SETTINGS,
    'team.list': () => ({ members }),
    'team.invite': ({ name, role }) => {
      const m = member('p_new', name, role)
      members = [...members, m]
      return { member: m, token: 'tok_secret_123' }
    },
    'team.revoke': ({ id }) => {
      members = members.filter((m) => m.id !== id)
      return { closedConnections: 1 }
    },
    'team.activity': () => ({ items: [{ at: '2026-01-01T10:00:00.000Z', who: { id: 'owner', name: 'Ada', role: 'owner' }, action: 'issued a link', target: 'Grace', detail: 'operator' }] })
  })
}

async function settingsAs(me: WhoAmI) {
  const bridge = teamBridge(me)
  const app = await renderApp(bridge)
  await app.user.click(screen.getByRole('button', { name: 'Settings' }))
  return { ...app, bridge }
}

// Typing through user-event is slow on a busy two-core machine: a roomier budget than 5 s.
describe('Settings › Team', { timeout: 20_000 }, () => {
  it('issues a personal link shown once, lists the person, and revokes them after asking', async () => {
    const { user, bridge } = await settingsAs(OWNER)
    const team = await screen.findByRole('heading', { name: 'Team' })
    expect(team).toBeTruthy()
    await user.type(screen.getByLabelText('Name'), 'Grace')
    await user.click(screen.getByRole('button', { name: 'Create link' }))
    expect(bridge.invokes.find((i) => i.method === 'team.invite')?.params).toEqual({ name: 'Grace', role: 'operator' })
    const link = await screen.findByLabelText<HTMLInputElement>('Personal link for Grace')
    expect(link.value).toBe(`${window.location.origin}/#token=tok_secret_123`)
    const table = screen.getByRole('table', { name: 'People with a link' })
    await within(table).findByText('Grace')
    await user.click(screen.getByRole('button', { name: 'Done' }))
    expect(screen.queryByLabelText('Personal link for Grace')).toBeNull()

    await user.click(within(table).getByRole('button', { name: "Revoke Grace's link" }))
    const dialog = await screen.findByRole('alertdialog')
    expect(dialog.textContent).toContain('stops working at once')
    expect(bridge.invokes.some((i) => i.method === 'team.revoke')).toBe(false)
    await user.click(within(dialog).getByRole('button', { name: 'Revoke link' }))
    expect(bridge.invokes.find((i) => i.method === 'team.revoke')?.params).toEqual({ id: 'p_new' })
    await act(async () => Promise.resolve())
    expect(within(table).queryByText('Grace')).toBeNull()
    // The owner's own row cannot be revoked.
    expect(within(table).queryByRole('button', { name: "Revoke Ada's link" })).toBeNull()
  })

  it('shows who did what, newest first', async () => {
    await settingsAs(OWNER)
    const list = await screen.findByRole('list', { name: 'Team activity' })
    expect(list.textContent).toContain('Ada (owner) issued a link Grace (operator)')
  })

  it('shows an operator only what is theirs: no hub settings, no team, their name from the link', async () => {
    const { bridge } = await settingsAs(GRACE)
    await screen.findByText(/your link is an operator’s/)
    for (const heading of ['Connection', 'Voice turns', 'Team', 'Sandbox']) expect(screen.queryByRole('heading', { name: heading })).toBeNull()
    expect(screen.getByRole('heading', { name: 'Alerts' })).toBeTruthy()
    expect(screen.getByRole('heading', { name: 'You' }).parentElement?.textContent).toContain('You are Grace, an operator of this hub.')
    expect(bridge.methods()).not.toContain('team.list')
    expect(document.querySelector('.who-chip')?.textContent).toBe('Grace operator')
  })
})

describe('who this tab is', () => {
  it('names the link and its role, without saying "Owner owner" for the owner’s unnamed link', async () => {
    await renderApp(teamBridge({ ...OWNER, name: 'Owner' }))
    await waitFor(() => expect(document.querySelector('.who-chip')?.textContent).toBe('Owner'))
  })
})

describe('views for admins only', { timeout: 20_000 }, () => {
  it('leaves Webhooks and Scenarios out of an operator’s navigation, and says why at their address', async () => {
    const app = await renderApp(teamBridge(GRACE))
    const nav = screen.getByRole('navigation', { name: 'Main' })
    // Once the hub has said who this is, the admin views leave the navigation.
    await waitFor(() => expect(within(nav).queryByRole('button', { name: 'Webhooks' })).toBeNull())
    expect(within(nav).queryByRole('button', { name: 'Scenarios' })).toBeNull()
    expect(within(nav).getByRole('button', { name: 'History' })).toBeTruthy()

    // Reached anyway (an address, a `g` shortcut): it says why, and shows none of the view's actions.
    act(() => app.store.getState().setView('webhooks'))
    expect(await screen.findByText('Webhooks is for this hub’s admins.')).toBeTruthy()
    expect(screen.queryByRole('button', { name: /Connect/ })).toBeNull()
    expect(app.bridge.methods()).not.toContain('webhooks.deliveries')
  })

  it('keeps them for an admin', async () => {
    await renderApp(teamBridge(OWNER))
    const nav = screen.getByRole('navigation', { name: 'Main' })
    expect(await within(nav).findByRole('button', { name: 'Webhooks' })).toBeTruthy()
    expect(within(nav).getByRole('button', { name: 'Scenarios' })).toBeTruthy()
  })
})

describe('claims by link', { timeout: 20_000 }, () => {
  async function callWithTurn(me: WhoAmI) {
    const bridge = teamBridge(me)
    bridge.respond('turns.claim', ({ turnId }) => ({ turnId, callId: 'call_t', transcript: '', deadline: inSeconds(20), claimedBy: me.name, claimedById: me.id }))
    const app = await renderApp(bridge)
    const call = makeCall({ id: 'call_t', from: '+14155550177' })
    app.emit('call.started', call)
    await app.user.click(screen.getByRole('option'))
    app.emit('turn.opened', { turnId: 'turn_t', callId: 'call_t', transcript: 'hello?', deadline: inSeconds(20) })
    return { ...app, bridge }
  }

  it('tells a namesake’s claim from one’s own by the link, not the name', async () => {
    const { emit } = await callWithTurn(GRACE)
    emit('turn.claimed', { turnId: 'turn_t', callId: 'call_t', by: 'Grace', byId: 'p_other_grace' })
    expect(screen.getByText(/Grace is answering — your reply would be refused/)).toBeTruthy()
    emit('turn.claimed', { turnId: 'turn_t', callId: 'call_t', by: 'Grace', byId: 'p_grace' })
    expect(screen.getByText(/you are answering/)).toBeTruthy()
  })

  it('takes over a teammate’s turn only after confirming, then can send', async () => {
    const { emit, user, bridge } = await callWithTurn(GRACE)
    emit('turn.claimed', { turnId: 'turn_t', callId: 'call_t', by: 'Alan', byId: 'p_alan' })
    await user.type(screen.getByLabelText('Reply to caller'), 'Grace here')
    expect(screen.getByRole('button', { name: 'Send' }).hasAttribute('disabled')).toBe(true)
    await user.click(screen.getByRole('button', { name: 'Take over…' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Take this turn from Alan?' })
    expect(bridge.invokes.filter((i) => i.method === 'turns.claim' && (i.params as { takeOver?: boolean }).takeOver)).toEqual([])
    await user.click(within(dialog).getByRole('button', { name: 'Take over' }))
    expect(bridge.invokes.filter((i) => i.method === 'turns.claim').at(-1)?.params).toEqual({ turnId: 'turn_t', takeOver: true })
    expect(screen.getByRole('button', { name: 'Send' }).hasAttribute('disabled')).toBe(false)
  })

  it('lets the turn go when the claim lapses', async () => {
    const { emit } = await callWithTurn(GRACE)
    emit('turn.claimed', { turnId: 'turn_t', callId: 'call_t', by: 'Alan', byId: 'p_alan' })
    expect(screen.getByText(/Alan is answering/)).toBeTruthy()
    emit('turn.unclaimed', { turnId: 'turn_t', callId: 'call_t', by: 'Alan', reason: 'idle' })
    expect(screen.queryByText(/Alan is answering/)).toBeNull()
  })
})

describe('the unencrypted warning', () => {
  function show(me: WhoAmI | null, location: { protocol: string; hostname: string }) {
    const store = createAppStore(fakeBridge())
    store.setState({ me })
    return render(
      <StoreProvider store={store}>
        <UnencryptedBanner location={location} />
      </StoreProvider>
    )
  }

  it('shows on a plain-http page reached over the network, and on a hub bound to the network', () => {
    show(GRACE, { protocol: 'http:', hostname: '192.168.1.20' })
    expect(screen.getByRole('status').textContent).toContain('Unencrypted')
    expect(screen.getByRole('status').textContent).toContain('reverse proxy')
  })

  it('stays away over https, on a loopback-only hub, and in the desktop window', () => {
    const a = show(GRACE, { protocol: 'https:', hostname: 'hub.example.com' })
    expect(a.container.textContent).toBe('')
    a.unmount()
    const b = show(GRACE, { protocol: 'http:', hostname: '127.0.0.1' })
    expect(b.container.textContent).toBe('')
    b.unmount()
    const c = show({ ...OWNER, hub: { tls: false, exposed: true } }, { protocol: 'http:', hostname: '127.0.0.1' })
    expect(c.container.textContent).toContain('Unencrypted')
    c.unmount()
    const d = show({ ...OWNER, hub: null }, { protocol: 'http:', hostname: '10.0.0.2' })
    expect(d.container.textContent).toBe('')
  })
})
