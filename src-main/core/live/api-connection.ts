import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { AgentPhoneClient, DEFAULT_BASE_URL } from '../agentphone/client'
import type { SandboxHandle } from '../handlers/context'
import type { Clock, KeyValueStore, Logger, SecretStore } from '../ports'
import type { SessionOptions } from '../session-types'
import { Simulator } from '../sim/simulator'
import { savedApiKeys } from '../sim/state-store'
import { API_KEY_SECRET } from './keys'
import { loadSecrets } from './webhook-scopes'
import type { SecretRing } from './secret-ring'

export interface ApiConnection {
  api: AgentPhoneClient
  sandbox: SandboxHandle | null
  /** The live API's base URL; null in sandbox mode. */
  baseUrl: string | null
}

/**
 * The API the session talks to: AgentPhone itself in live mode, or a simulator started here, on
 * loopback, with a throwaway key, in sandbox mode. Either way the rest of the core sees one client.
 */
export async function connectApi(
  options: SessionOptions,
  deps: { clock: Clock; logger: Logger; secrets: SecretStore; store: KeyValueStore; ring: SecretRing; onStarted: (stop: () => Promise<void>) => void }
): Promise<ApiConnection> {
  const { clock, logger, secrets, ring } = deps
  if (options.mode === 'live') {
    const apiKey = secrets.get(API_KEY_SECRET)
    if (!apiKey) throw new Error('Live mode needs an API key (AGENTPHONE_API_KEY).')
    const baseUrl = options.live?.baseUrl ?? DEFAULT_BASE_URL
    loadSecrets(ring, deps.store, secrets)
    return { api: new AgentPhoneClient({ baseUrl, apiKey, logger }), sandbox: null, baseUrl }
  }
  // The sandbox lives in the data folder: the key of the saved account is reused, so its agents,
  // numbers and threads come back with their ids.
  const simDir = path.join(options.dataDir, 'sandbox')
  const apiKey = (await savedApiKeys(simDir))[0] ?? `sk_sandbox_${randomBytes(12).toString('hex')}`
  const sim = new Simulator({ clock, logger, host: '127.0.0.1', port: options.simulator?.port ?? 0, apiKeys: [apiKey], dataDir: simDir })
  await sim.start()
  deps.onStarted(() => sim.stop())
  const account = await sim.ensureSandboxAccount(apiKey)
  const sandbox: SandboxHandle = {
    sim,
    apiKey,
    agent: { id: account.agent.id, name: account.agent.name, voiceMode: account.agent.voiceMode },
    number: { id: account.number.id, phoneNumber: account.number.phoneNumber }
  }
  return { api: new AgentPhoneClient({ baseUrl: sim.url, apiKey, logger }), sandbox, baseUrl: null }
}
