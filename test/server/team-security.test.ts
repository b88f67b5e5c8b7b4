import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AppStatus, AuditEntry, TeamMember } from '../../src-preload/contract'
import { TOKENS_FILE } from '../../src-main/server/token-store'
import { CLOSE_LINK_REVOKED } from '../../src-main/server/bridge-connection'
import { connectAs, startHub, value, type Client, type Hub } from './helpers/hub'

const hubs: Hub[] = []
const clients: Client[] = []
afterEach(async () => {
  for (const c of clients.splice(0)) c.socket.terminate()
  for (const h of hubs.splice(0)) await h.stop()
})

async function hub(options: Parameters<typeof startHub>[0] = {}): Promise<Hub> {
  const h = await startHub(options)
  hubs.push(h)
  return h
}

async function as(h: Hub, token: string): Promise<Client> {
  const c = await connectAs(h.server, token)
  clients.push(c)
  return c
}

/** The owner's tab, and a personal link issued from it. */
async function ownerAndPerson(h: Hub, name: string, role: 'operator' | 'admin'): Promise<{ owner: Client; person: Client; id: string; token: string }> {
  const owner = await as(h, h.server.token)
  const issued = value(await owner.call<{ member: TeamMember; token: string }>('team.invite', { name, role }))
  return { owner, person: await as(h, issued.token), id: issued.member.id, token: issued.token }
}

async function tokenCheck(h: Hub, token: string): Promise<number> {
  return (await fetch(new URL('/bridge/token', h.server.url), { headers: { authorization: `Bearer ${token}` } })).status
}

/** Rings the sandbox agent and says something: a voice turn then waits for a person. */
async function waitingTurn(c: Client): Promise<{ turnId: string; callId: string }> {
  const status = value(await c.call<AppStatus>('app.status'))
  const { callId } = value(await c.call<{ callId: string }>('sandbox.dial', { to: status.sandbox!.number.phoneNumber }))
  await c.event('call.started', (d: { id: string }) => d.id === callId)
  value(await c.call('sandbox.say', { callId, text: 'Is anyone there?' }))
  return c.event<{ turnId: string; callId: string }>('turn.opened', (t) => t.callId === callId)
}

describe('the API key stays with AgentPhone', () => {
  it('refuses a base-URL change from a browser on the hub, even the owner’s, and keeps the old one', async () => {
    const h = await hub()
    const owner = await as(h, h.server.token)
    const before = value(await owner.call<AppStatus>('app.status')).baseUrl
    const refused = await owner.call('app.configure', { baseUrl: 'https://collector.example' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(!refused.ok && refused.error.message).toContain("only on the hub's own machine")
    // Together with a harmless change, nothing of it is applied.
    expect(await owner.call('app.configure', { tunnelUrl: 'https://t.example', baseUrl: 'https://collector.example' })).toMatchObject({ ok: false })
    const after = value(await owner.call<AppStatus>('app.status'))
    expect(after.baseUrl).toBe(before)
    expect(after.tunnelUrl).toBeNull()
    // The tunnel URL receives webhooks, not the key: an admin may set it from a browser.
    expect(value(await owner.call<AppStatus>('app.configure', { tunnelUrl: 'https://t.example' })).tunnelUrl).toBe('https://t.example')
  })
})

describe('people and roles', () => {
  it('refuses an operator every admin command, and lets them answer turns', async () => {
    const h = await hub()
    const { person: grace } = await ownerAndPerson(h, 'Grace', 'operator')
    expect(value(await grace.call('team.whoami'))).toMatchObject({ name: 'Grace', role: 'operator', local: false, hub: { tls: false, exposed: false } })
    for (const [method, params] of [
      ['settings.update', { fallbackText: 'x' }],
      ['app.configure', { apiKey: 'sk_live_0123456789' }],
      ['app.switchMode', { mode: 'live' }],
      ['webhooks.connect', { url: 'https://t.example/webhook' }],
      ['agents.create', { name: 'Rogue' }],
      ['numbers.buy', {}],
      ['team.invite', { name: 'Mallory', role: 'admin' }],
      ['team.list', {}],
      ['team.activity', {}],
      ['scenarios.run', { text: 'name: x', webhookUrl: 'https://t.example' }],
      ['webhooks.resend', { deliveryId: 'd', body: '{}' }]
    ] as const) {
      const answer = await grace.call(method, params)
      expect(answer, method).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    const { turnId, callId } = await waitingTurn(grace)
    expect(value(await grace.call('turns.reply', { turnId, text: 'Grace here.' }))).toEqual({ callId })
  })

  it('takes claims and the activity trail from the link, not from what the client says', async () => {
    const h = await hub()
    const { owner, person: grace, id } = await ownerAndPerson(h, 'Grace', 'operator')
    const { turnId, callId } = await waitingTurn(grace)
    const claimed = value(await grace.call<{ claimedBy: string; claimedById: string }>('turns.claim', { turnId, by: 'The Owner' }))
    expect(claimed).toMatchObject({ claimedBy: 'Grace', claimedById: id })
    // Saying "by: Grace" does not make the owner Grace.
    expect(await owner.call('turns.reply', { turnId, text: 'Sneaky', by: 'Grace' })).toMatchObject({ ok: false, error: { code: 'turn_claimed' } })
    value(await grace.call('turns.reply', { turnId, text: 'Grace answers.' }))
    const trail = value(await owner.call<{ items: AuditEntry[] }>('team.activity')).items
    expect(trail.find((e) => e.action === 'answered a turn')).toMatchObject({ who: { id, name: 'Grace', role: 'operator' }, target: `call ${callId}` })
    expect(trail.find((e) => e.action === 'issued a link')).toMatchObject({ who: { id: 'owner', role: 'owner' }, target: 'Grace', detail: 'operator' })
  })

  it('closes a revoked link’s open socket within a second, and its token opens nothing after', async () => {
    const h = await hub()
    const { owner, person: grace, id, token } = await ownerAndPerson(h, 'Grace', 'operator')
    const second = await as(h, token) // a second tab on the same link
    const started = Date.now()
    expect(value(await owner.call('team.revoke', { id }))).toEqual({ closedConnections: 2 })
    const [a, b] = await Promise.all([grace.closed, second.closed])
    expect(a.code).toBe(CLOSE_LINK_REVOKED)
    expect(b.code).toBe(CLOSE_LINK_REVOKED)
    expect(Math.max(a.at, b.at) - started).toBeLessThan(1000)
    expect(await tokenCheck(h, token)).toBe(401)
    await expect(connectAs(h.server, token)).rejects.toThrow('status 401')
  })

  it('rotates one person’s link: the old one stops, the new one works, the person and their name stay', async () => {
    const h = await hub()
    const { owner, person: grace, id, token } = await ownerAndPerson(h, 'Grace', 'operator')
    const rotated = value(await owner.call<{ member: TeamMember; token: string }>('team.rotate', { id }))
    expect(rotated.member).toMatchObject({ id, name: 'Grace', role: 'operator' })
    expect((await grace.closed).code).toBe(CLOSE_LINK_REVOKED)
    expect(await tokenCheck(h, token)).toBe(401)
    expect(await tokenCheck(h, rotated.token)).toBe(204)
    expect(await tokenCheck(h, h.server.token)).toBe(204) // the owner's link is untouched
  })

  it('lets the owner replace their own link: the answer arrives first, then the tab is closed', async () => {
    const h = await hub()
    const owner = await as(h, h.server.token)
    const rotated = value(await owner.call<{ token: string }>('team.rotate', { id: 'owner' }))
    expect((await owner.closed).code).toBe(CLOSE_LINK_REVOKED)
    expect(await tokenCheck(h, h.server.token)).toBe(401)
    expect(await tokenCheck(h, rotated.token)).toBe(204)
    expect(h.tokens.primary.token).toBe(rotated.token) // the next start prints the new owner's link
  })

  it('applies a role change to an open tab at once', async () => {
    const h = await hub()
    const { owner, person: ada, id } = await ownerAndPerson(h, 'Ada', 'operator')
    expect(await ada.call('team.list')).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    value(await owner.call('team.update', { id, role: 'admin' }))
    expect(value(await ada.call<{ members: TeamMember[] }>('team.list')).members.map((m) => [m.name, m.role, m.connections])).toEqual([
      ['Owner', 'owner', 1],
      ['Ada', 'admin', 1]
    ])
    // An admin still cannot revoke the owner, nor choose the base URL.
    expect(await ada.call('team.revoke', { id: 'owner' })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await ada.call('app.configure', { baseUrl: 'https://api.agentphone.to' })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it('keeps links 0600 and only hashes of people’s tokens', async () => {
    const h = await hub()
    const { token } = await ownerAndPerson(h, 'Grace', 'operator')
    const file = path.join(h.dataDir, TOKENS_FILE)
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    const text = await readFile(file, 'utf8')
    expect(text).not.toContain(token)
    expect(text).toContain('"name": "Grace"')
  })
})

describe('claims that cannot strand a caller', () => {
  it('lapses a stale claim when its holder goes quiet, and the turn can then be answered by another person', async () => {
    // A short idle time on the real clock: the test waits for the event, never sleeps.
    const h = await hub({ claimIdleMs: 300 })
    const { owner, person: grace } = await ownerAndPerson(h, 'Grace', 'operator')
    const { turnId } = await waitingTurn(grace)
    value(await grace.call('turns.claim', { turnId }))
    expect(await owner.call('turns.reply', { turnId, text: 'Owner here' })).toMatchObject({ ok: false, error: { code: 'turn_claimed' } })
    expect(await owner.event('turn.unclaimed', (d: { turnId: string }) => d.turnId === turnId)).toMatchObject({ by: 'Grace', reason: 'idle' })
    value(await owner.call('turns.reply', { turnId, text: 'Owner here' }))
    await owner.event('sandbox.heard', (d: { text: string }) => d.text === 'Owner here')
  })

  it('lapses a claim the moment its holder’s last tab closes', async () => {
    const h = await hub()
    const { owner, person: grace, token } = await ownerAndPerson(h, 'Grace', 'operator')
    const second = await as(h, token)
    const { turnId } = await waitingTurn(grace)
    value(await grace.call('turns.claim', { turnId }))
    grace.socket.close()
    await grace.closed
    // One tab still open: the claim holds.
    expect(await owner.call('turns.reply', { turnId, text: 'Too soon' })).toMatchObject({ ok: false, error: { code: 'turn_claimed' } })
    second.socket.close()
    expect(await owner.event('turn.unclaimed', (d: { turnId: string }) => d.turnId === turnId)).toMatchObject({ reason: 'left' })
    value(await owner.call('turns.reply', { turnId, text: 'Owner answers' }))
  })

  it('lets another person take over only with a confirmation', async () => {
    const h = await hub()
    const { owner, person: grace } = await ownerAndPerson(h, 'Grace', 'operator')
    const { turnId } = await waitingTurn(grace)
    value(await grace.call('turns.claim', { turnId }))
    expect(await owner.call('turns.claim', { turnId })).toMatchObject({ ok: false, error: { code: 'turn_claimed', message: 'Grace is answering this turn' } })
    expect(value(await owner.call('turns.claim', { turnId, takeOver: true }))).toMatchObject({ claimedById: 'owner' })
    expect(await grace.call('turns.reply', { turnId, text: 'Mine!' })).toMatchObject({ ok: false, error: { code: 'turn_claimed' } })
    const trail = value(await owner.call<{ items: AuditEntry[] }>('team.activity')).items
    expect(trail[0]).toMatchObject({ action: 'took over a turn', who: { id: 'owner' } })
  })
})
