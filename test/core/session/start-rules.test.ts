import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { MODE_KEY } from '../../../src-main/core/live/keys'
import { memorySecrets, memoryStore } from '../../../src-main/core/ports'
import { startSessionHost, type SessionHost } from '../../../src-main/core/session-host'
import { startMode, withEnvironmentKey } from '../../../src-main/core/start-rules'

describe('which API key wins', () => {
  it('takes the environment key over the stored one, without overwriting the stored one', () => {
    const stored = memorySecrets({ apiKey: 'sk_stored', webhookSecret: 'whsec_1' })
    const secrets = withEnvironmentKey(stored, { AGENTPHONE_API_KEY: '  sk_env  ' })
    expect(secrets.get('apiKey')).toBe('sk_env')
    expect(secrets.get('webhookSecret')).toBe('whsec_1')
    expect(stored.get('apiKey')).toBe('sk_stored')
    expect(withEnvironmentKey(stored, { AGENTPHONE_API_KEY: '   ' }).get('apiKey')).toBe('sk_stored')
    expect(withEnvironmentKey(stored, {}).get('apiKey')).toBe('sk_stored')
  })
})

describe('which mode a start begins in', () => {
  const cases: Array<[string, Parameters<typeof startMode>[0], 'sandbox' | 'live']> = [
    ['an explicit mode wins over everything', { explicit: 'sandbox', saved: 'live', environmentKey: true, storedKey: true }, 'sandbox'],
    ['a key in the environment means live, even after choosing sandbox', { saved: 'sandbox', environmentKey: true, storedKey: false }, 'live'],
    ['otherwise the mode chosen last time', { saved: 'sandbox', environmentKey: false, storedKey: true }, 'sandbox'],
    ['a first run with a stored key starts live', { environmentKey: false, storedKey: true }, 'live'],
    ['a first run without any key starts in the sandbox', { environmentKey: false, storedKey: false }, 'sandbox']
  ]
  it.each(cases)('%s', (_name, inputs, expected) => {
    expect(startMode(inputs)).toBe(expected)
  })
})

describe('the host applies the rules (both shells only hand it their environment)', () => {
  const hosts: SessionHost[] = []
  afterEach(async () => {
    await Promise.all(hosts.splice(0).map((h) => h.stop()))
  })

  it('tries live with an environment key; without AgentPhone reachable it says why and runs the sandbox', async () => {
    const settings = memoryStore({ [MODE_KEY]: 'sandbox' })
    const h = await startSessionHost({
      dataDir: await mkdtemp(path.join(os.tmpdir(), 'sb-rules-')),
      settings,
      env: { AGENTPHONE_API_KEY: 'sk_env_key_123' },
      receiver: { port: 0 },
      // Nothing listens here, but live start does not call the API: it starts, and says it is live.
      live: { baseUrl: 'http://127.0.0.1:9' }
    })
    hosts.push(h)
    expect(h.status().mode).toBe('live')
    expect(h.status().hasApiKey).toBe(true)
    // Starting live for an environment key is not the person's choice: the saved mode stays.
    expect(settings.get(MODE_KEY)).toBe('sandbox')
  })

  it('starts in the sandbox on a first run without a key', async () => {
    const h = await startSessionHost({ dataDir: await mkdtemp(path.join(os.tmpdir(), 'sb-rules-')), env: {}, receiver: { port: 0 } })
    hosts.push(h)
    expect(h.status().mode).toBe('sandbox')
    expect(h.status().hasApiKey).toBe(false)
  })
})
