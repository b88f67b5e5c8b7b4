import { WebSocket } from 'ws'
import { parseWireMessage } from '../../src-renderer/bridge/ws-wire'
import type { AppUnderTest } from './app-processes'

/**
 * A real call for the flood bench: placed through the simulator's API (AgentPhone's own), to a
 * number whose simulated callee answers and speaks, so its turn reaches the shell as a signed
 * voice webhook, the call is one AgentPhone lists, and what the callee hears is in its transcript.
 */
export const REPLY = 'We open at nine on Sunday.'
const WAIT_MS = 20_000

async function sim(app: AppUnderTest, method: string, path: string, body?: object): Promise<unknown> {
  const res = await fetch(`${app.simUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${app.apiKey}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {})
  })
  if (!res.ok) throw new Error(`simulator ${method} ${path}: HTTP ${res.status}`)
  return res.json()
}

/** Calls +1 555 010 0121 (its last digit: the callee answers and talks) from the bench's agent. */
export async function placeCall(app: AppUnderTest): Promise<string> {
  const call = (await sim(app, 'POST', '/v1/calls', { agentId: app.target.agentId, toNumber: '+15550100121' })) as { id: string }
  return call.id
}

/** A bridge client (the wire format the renderer reads) that notes when each call's turn opened. */
export async function watchTurns(bridgeUrl: string): Promise<{ opened(callId: string): Promise<number>; close(): void }> {
  const ws = new WebSocket(bridgeUrl)
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
  const seen = new Map<string, number>()
  const waiters = new Map<string, (at: number) => void>()
  ws.on('message', (data) => {
    const msg = parseWireMessage(String(data))
    if (msg?.kind !== 'events') return
    for (const e of msg.events) {
      const callId = e.event === 'turn.opened' ? (e.data as { callId: string }).callId : null
      if (callId === null || seen.has(callId)) continue
      seen.set(callId, performance.now())
      waiters.get(callId)?.(seen.get(callId)!)
    }
  })
  return {
    opened: (callId) =>
      new Promise((resolve, reject) => {
        const known = seen.get(callId)
        if (known !== undefined) return resolve(known)
        const timer = setTimeout(() => reject(new Error(`no turn opened for ${callId} within ${WAIT_MS / 1000} s`)), WAIT_MS)
        waiters.set(callId, (at) => {
          clearTimeout(timer)
          resolve(at)
        })
      }),
    close: () => ws.close()
  }
}

/** Resolves once the simulator's transcript of the call has the agent saying `text`. */
export async function callerHeard(app: AppUnderTest, callId: string, text: string): Promise<void> {
  const until = Date.now() + WAIT_MS
  while (Date.now() < until) {
    const res = (await sim(app, 'GET', `/v1/calls/${callId}/transcript`)) as { transcript?: Array<{ role?: string; content?: string }> }
    if ((res.transcript ?? []).some((t) => t.role === 'agent' && t.content === text)) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`the caller never heard the answer within ${WAIT_MS / 1000} s`)
}
