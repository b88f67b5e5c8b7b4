/**
 * One conformance environment: a Simulator on 127.0.0.1:0 with a known key, the local signed-webhook
 * receiver, and factories for both clients pointed at it — the official SDK through its `baseUrl`
 * option and our AgentPhoneClient — each going through a fetch that logs every request, so tests
 * can count what really went over the wire (retries included).
 */
import { AgentPhoneClient as SdkClient } from 'agentphone'
import { AgentPhoneClient } from '../../src-main/core/agentphone/client'
import type { AgentPhoneClientOptions } from '../../src-main/core/agentphone/client'
import type { Clock } from '../../src-main/core/ports'
import { systemClock } from '../../src-main/core/ports'
import { Simulator } from '../../src-main/core/sim/simulator'
import type { SimulatorOptions } from '../../src-main/core/sim/types'
import type { Receiver } from './receiver'
import { startReceiver } from './receiver'

export const API_KEY = 'sk_live_conformance'

/** Real time plus an offset that tests move forward, so a rate-limit window can pass instantly. */
export interface ShiftableClock extends Clock {
  advance(ms: number): void
}

export function shiftableClock(): ShiftableClock {
  let offset = 0
  return { now: () => Date.now() + offset, after: (ms, fn) => systemClock.after(ms, fn), advance: (ms) => void (offset += ms) }
}

export interface WireRequest {
  method: string
  path: string
  status: number
  retryAfter: string | null
  /** True when the answer came from `Env.inject`, not from the simulator. */
  injected: boolean
}

/** Answers a request in place of the simulator (to stand in for a 5xx it cannot be made to send). */
export type Injector = (method: string, path: string) => Response | undefined

/** The global fetch, logging every request that got an answer; `inject()` may answer instead. */
export function loggingFetch(log: WireRequest[], inject: () => Injector | null): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase()
    const fake = inject()?.(method, url.pathname)
    const res = fake ?? (await fetch(input, init))
    log.push({ method, path: url.pathname, status: res.status, retryAfter: res.headers.get('retry-after'), injected: fake !== undefined })
    return res
  }
}

export interface Env {
  sim: Simulator
  url: string
  clock: ShiftableClock
  receiver: Receiver
  /** Every request either client sent, in order. */
  wire: WireRequest[]
  inject: Injector | null
  sdk(options?: Partial<SdkClient.Options>): SdkClient
  ours(options?: Partial<AgentPhoneClientOptions>): AgentPhoneClient
  stop(): Promise<void>
}

export async function startEnv(options: Partial<SimulatorOptions> = {}): Promise<Env> {
  const clock = shiftableClock()
  const sim = new Simulator({ clock, apiKeys: [API_KEY], host: '127.0.0.1', port: 0, retryDelaysMs: [20, 20, 20, 20, 20], ...options })
  const { url } = await sim.start()
  const receiver = await startReceiver()
  const wire: WireRequest[] = []
  // Reads `env.inject` at request time, so tests can switch injection on and off.
  const fetchImpl = loggingFetch(wire, () => env.inject)
  const env: Env = {
    sim,
    url,
    clock,
    receiver,
    wire,
    inject: null,
    // Short timeouts: everything is local, a hang should fail fast rather than eat the suite's budget.
    sdk: (o = {}) => new SdkClient({ baseUrl: url, token: API_KEY, fetch: fetchImpl, timeoutInSeconds: 10, ...o }),
    ours: (o = {}) => new AgentPhoneClient({ baseUrl: url, apiKey: API_KEY, fetch: fetchImpl, timeoutMs: 10_000, ...o }),
    stop: async () => {
      await sim.stop()
      await receiver.close()
    }
  }
  return env
}

/** Requests on the wire matching a method and path. */
export function sent(env: Env, method: string, path: string): WireRequest[] {
  return env.wire.filter((r) => r.method === method && r.path === path)
}
