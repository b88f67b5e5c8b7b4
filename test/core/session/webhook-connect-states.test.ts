import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { CommandResult } from '../../../src-preload/contract'
import { AgentPhoneClient } from '../../../src-main/core/agentphone/client'
import { memorySecrets, memoryStore, systemClock, type Clock, type SecretStore } from '../../../src-main/core/ports'
import { sign } from '../../../src-main/core/receiver/signature'
import { startSession, type Session } from '../../../src-main/core/session'
import { Simulator } from '../../../src-main/core/sim/simulator'
import { startTunnel } from '../../helpers/tunnel-proxy'
import { fakeClock } from '../../server/helpers/fake-clock'
import { ok } from '../../helpers/bridge-result'

const API_KEY = 'sk_live_connect_states_key'
type Connect = CommandResult<'webhooks.connect'>
const undo: Array<() => Promise<unknown> | unknown> = []
afterEach(async () => {
  for (const u of undo.splice(0).reverse()) await u()
})

async function setup(options: { secrets?: SecretStore; clock?: Clock } = {}) {
  const sim = new Simulator({ clock: systemClock, apiKeys: [API_KEY] })
  await sim.start()
  undo.push(() => sim.stop())
  const account = await sim.ensureSandboxAccount(API_KEY)
  const secrets = options.secrets ?? memorySecrets({ apiKey: API_KEY })
  const session: Session = await startSession({
    mode: 'live',
    dataDir: await mkdtemp(path.join(os.tmpdir(), 'sb-connect-states-')),
    live: { baseUrl: sim.url },
    secrets,
    settings: memoryStore(),
    connectTimeoutMs: 1500,
    ...(options.clock ? { clock: options.clock } : {})
  })
  undo.push(() => session.stop())
  const tunnel = await startTunnel(session.status().receiverUrl)
  undo.push(() => tunnel.close())
  const api = new AgentPhoneClient({ baseUrl: sim.url, apiKey: API_KEY })
  return { sim, session, tunnel, secrets, api, agentId: account.agent.id, number: account.number.phoneNumber }
}

/** A signed SMS delivery, straight to the receiver. */
async function deliver(receiverUrl: string, secret: string, nowMs: number, text: string): Promise<number> {
  const body = JSON.stringify({ event: 'agent.message', channel: 'sms', agentId: 'agt_x', timestamp: new Date(nowMs).toISOString(), data: { messageId: `msg_${text}`, from: '+15550100123', to: '+15550100100', message: text, direction: 'inbound' } })
  const timestamp = String(Math.floor(nowMs / 1000))
  const res = await fetch(receiverUrl, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'x-webhook-signature': sign(secret, timestamp, body), 'x-webhook-timestamp': timestamp, 'x-webhook-id': `wh_${text}` }
  })
  return res.status
}

describe('webhooks.connect without half-states', () => {
  it('matches the test delivery itself: a real SMS arriving meanwhile does not count as the proof', async () => {
    const { session, tunnel, secrets } = await setup()
    tunnel.setMode('drop') // the test delivery never reaches the receiver
    session.onEvent((e) => {
      if (e.event !== 'webhooks.progress' || e.data.step !== 'waiting') return
      // The secret is stored by now: a genuine, signed SMS lands while the console waits.
      void deliver(session.status().receiverUrl, secrets.get('webhookSecret')!, Date.now(), 'hello-meanwhile')
    })
    const result = ok(await session.invoke('webhooks.connect', { url: tunnel.url })) as Connect
    expect(result.test).toBe('not_arrived')
    // The core searches the bodies (the list itself carries summaries).
    const seen = ok(await session.invoke('webhooks.deliveries', { text: 'hello-meanwhile' })) as { items: Array<{ outcome: string }> }
    expect(seen.items.some((d) => d.outcome === 'accepted')).toBe(true)
  })

  it('undoes the registration when the new secret cannot be stored, and says so', async () => {
    const stored = memorySecrets({ apiKey: API_KEY })
    const refusing: SecretStore = {
      get: (name) => stored.get(name),
      set: (name, value) => {
        if (name.startsWith('webhookSecret')) throw new Error('Secure storage is not available on this system')
        stored.set(name, value)
      }
    }
    const { session, tunnel, api } = await setup({ secrets: refusing })
    const result = ok(await session.invoke('webhooks.connect', { url: tunnel.url })) as Connect
    expect(result.test).toBe('api_refused')
    expect(result.detail).toContain('Secure storage is not available')
    expect(result.detail).toContain('no webhook is registered, as before')
    expect(await api.webhooks.get()).toBeNull()
  })

  it('puts the previous registration back when the new secret cannot be stored', async () => {
    const stored = memorySecrets({ apiKey: API_KEY })
    const refusing: SecretStore = {
      get: (name) => stored.get(name),
      set: (name) => {
        throw new Error(`disk full, could not write ${name}`)
      }
    }
    const { session, tunnel, api } = await setup({ secrets: refusing })
    await api.webhooks.set({ url: 'https://other-server.example/hooks' })
    const result = ok(await session.invoke('webhooks.connect', { url: tunnel.url })) as Connect
    expect(result.test).toBe('api_refused')
    expect(result.detail).toContain('disk full')
    expect(result.detail).toContain('https://other-server.example/hooks is registered again')
    expect((await api.webhooks.get())?.url).toBe('https://other-server.example/hooks')
  })

  it('keeps the project webhook’s secret and each agent’s apart', async () => {
    const clock = fakeClock(Date.now())
    const { session, tunnel, secrets, agentId } = await setup({ clock })
    expect((ok(await session.invoke('webhooks.connect', { url: tunnel.url })) as Connect).test).toBe('verified')
    const project = secrets.get('webhookSecret')!
    expect((ok(await session.invoke('webhooks.connect', { url: tunnel.url, agentId })) as Connect).test).toBe('verified')
    const agent = secrets.get(`webhookSecret.agent.${agentId}`)!
    expect(agent).toMatch(/^whsec_/)
    expect(agent).not.toBe(project)
    expect(secrets.get('webhookSecret')).toBe(project)

    // Long past the grace period for replaced secrets, both still verify: neither replaced the other.
    clock.advance(60 * 60_000)
    const receiver = session.status().receiverUrl
    expect(await deliver(receiver, project, clock.now(), 'to-project')).toBe(200)
    expect(await deliver(receiver, agent, clock.now(), 'to-agent')).toBe(200)
    expect(await deliver(receiver, 'whsec_somebody_else', clock.now(), 'forged')).toBe(401)
  })

  it('refuses a webhook timeout the deadline margin does not fit inside, before asking AgentPhone', async () => {
    const { session, tunnel, api } = await setup()
    ok(await session.invoke('settings.update', { deadlineMarginSeconds: 10 }))
    const refused = await session.invoke('webhooks.connect', { url: tunnel.url, timeout: 8 })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error).toMatchObject({ code: 'invalid_params', message: expect.stringContaining('deadline margin (10 s)') })
    expect(await api.webhooks.get()).toBeNull()
  })
})
