import type { ServerResponse } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import type { ApiError } from '../../../src-main/core/agentphone/errors'
import type { FollowTranscriptOptions } from '../../../src-main/core/agentphone/transcript-stream'
import { followTranscript } from '../../../src-main/core/agentphone/transcript-stream'
import type { CallTurn } from '../../../src-main/core/agentphone/transcript-turn'
import type { FakeServer, Handler } from './fake-server'
import { API_KEY, clientFor, json, startServer } from './fake-server'

const servers: FakeServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))

function sse(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
}
const turnEvent = (turn: object) => `event: turn\ndata: ${JSON.stringify(turn)}\n\n`
const ENDED = 'event: ended\ndata: {"status":"completed"}\n\n'

/** Follows call_1 on a fresh server; resolves with what was delivered once the follower is done. */
async function follow(handler: Handler, extra: Partial<FollowTranscriptOptions> = {}) {
  const server = await startServer(handler)
  servers.push(server)
  const { client } = clientFor(server)
  const turns: CallTurn[] = []
  const errors: Array<{ err: ApiError; willRetry: boolean }> = []
  const delays: number[] = []
  let ended = 0
  const follower = followTranscript(client, 'call_1', {
    onTurn: (t) => turns.push(t),
    onEnded: () => void ended++,
    onError: (err, { willRetry }) => void errors.push({ err, willRetry }),
    sleep: async (ms) => void delays.push(ms),
    ...extra
  })
  return { server, follower, turns, errors, delays, ended: () => ended }
}

const A = { id: 'tr_1', role: 'user', content: 'Hi, is the shop open?', createdAt: '2026-05-01T10:00:00Z' }
const B = { id: 'tr_2', role: 'agent', content: 'Yes, until six.', createdAt: '2026-05-01T10:00:02Z' }
const C = { id: 'tr_3', role: 'user', content: 'Thanks!', createdAt: '2026-05-01T10:00:05Z' }

describe('followTranscript', () => {
  it('delivers replayed turns, then live ones across split chunks and heartbeats, then ends', async () => {
    const f = await follow(async (_req, res) => {
      sse(res)
      res.write(turnEvent(A) + turnEvent(B))
      await wait(30)
      res.write(': heartbeat\n\n')
      const live = turnEvent(C)
      res.write(live.slice(0, 20))
      await wait(20)
      res.write(live.slice(20))
      await wait(20)
      res.end(ENDED)
    })
    await f.follower.done
    expect(f.turns).toEqual([
      { id: 'tr_1', speaker: 'caller', text: 'Hi, is the shop open?', at: '2026-05-01T10:00:00Z' },
      { id: 'tr_2', speaker: 'agent', text: 'Yes, until six.', at: '2026-05-01T10:00:02Z' },
      { id: 'tr_3', speaker: 'caller', text: 'Thanks!', at: '2026-05-01T10:00:05Z' }
    ])
    expect(f.ended()).toBe(1)
    expect(f.errors).toEqual([])
    expect(f.server.requests).toHaveLength(1)
    expect(f.server.requests[0]?.path).toBe('/v1/calls/call_1/transcript/stream')
    expect(f.server.requests[0]?.headers.accept).toBe('text/event-stream')
    expect(f.server.requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`)
  })

  it('reconnects after a drop, and the replay from the start delivers nothing twice (turns with ids)', async () => {
    const f = await follow(async (_req, res, n) => {
      sse(res)
      if (n === 1) {
        res.write(turnEvent(A) + turnEvent(B))
        await wait(30)
        res.destroy() // mid-stream drop
        return
      }
      res.write(turnEvent(A) + turnEvent(B))
      await wait(10)
      res.end(turnEvent(C) + ENDED)
    })
    await f.follower.done
    expect(f.turns.map((t) => t.id)).toEqual(['tr_1', 'tr_2', 'tr_3'])
    expect(f.server.requests).toHaveLength(2)
    expect(f.errors).toHaveLength(1)
    expect(f.errors[0]).toMatchObject({ willRetry: true, err: { code: 'network_error', status: 0 } })
    expect(f.delays).toHaveLength(1)
    expect(f.ended()).toBe(1)
  })

  it('dedupes id-less turns by content and order, keeping genuine repeats', async () => {
    const yes = { role: 'user', content: 'yes' }
    const ok = { role: 'agent', content: 'Okay.' }
    const f = await follow(async (_req, res, n) => {
      sse(res)
      if (n === 1) {
        res.write(turnEvent(yes) + turnEvent(ok) + turnEvent(yes))
        await wait(20)
        res.end() // closed without `ended`: also a drop
        return
      }
      res.end(turnEvent(yes) + turnEvent(ok) + turnEvent(yes) + turnEvent(ok) + ENDED)
    })
    await f.follower.done
    expect(f.turns.map((t) => `${t.speaker}:${t.text}`)).toEqual(['caller:yes', 'agent:Okay.', 'caller:yes', 'agent:Okay.'])
    expect(f.errors[0]?.err.message).toMatch(/closed before the call ended/)
  })

  it('delivers an agent response that arrives later under the same entry id exactly once', async () => {
    const f = await follow(async (_req, res, n) => {
      sse(res)
      const early = { id: 'e1', transcript: 'Book me in', response: null, createdAt: 't1' }
      const full = { ...early, response: 'Done, see you Friday.' }
      if (n === 1) {
        res.write(turnEvent(early))
        await wait(20)
        res.destroy()
        return
      }
      res.end(turnEvent(full) + turnEvent(full) + ENDED)
    })
    await f.follower.done
    expect(f.turns.map((t) => [t.id, t.speaker, t.text])).toEqual([
      ['e1:caller', 'caller', 'Book me in'],
      ['e1:agent', 'agent', 'Done, see you Friday.']
    ])
  })

  it('reconnects when even the heartbeat stops', async () => {
    const f = await follow(
      async (_req, res, n) => {
        sse(res)
        if (n === 1) return void res.write(turnEvent(A)) // then silence
        res.end(turnEvent(A) + turnEvent(B) + ENDED)
      },
      { idleTimeoutMs: 150 }
    )
    await f.follower.done
    expect(f.turns.map((t) => t.id)).toEqual(['tr_1', 'tr_2'])
    expect(f.errors[0]?.err.message).toMatch(/interrupted/)
    expect(f.server.requests).toHaveLength(2)
  })

  it('gives up on a 404 without calling onEnded', async () => {
    const f = await follow((_req, res) => json(res, 404, { detail: 'Call not found' }))
    await f.follower.done
    expect(f.errors).toEqual([{ err: expect.objectContaining({ status: 404, message: 'Call not found' }), willRetry: false }])
    expect(f.ended()).toBe(0)
    expect(f.server.requests).toHaveLength(1)
  })

  it('retries a 503 on connect with backoff', async () => {
    const f = await follow(
      (_req, res, n) => {
        if (n < 3) return json(res, 503, {})
        sse(res)
        res.end(turnEvent(A) + ENDED)
      },
      { backoffMs: 100 }
    )
    await f.follower.done
    expect(f.turns).toHaveLength(1)
    expect(f.delays).toHaveLength(2)
    expect(f.delays[1]).toBeGreaterThan(f.delays[0] ?? Infinity)
  })

  it('stop() closes the stream and nothing is delivered after it', async () => {
    const f = await follow(async (_req, res) => {
      sse(res)
      res.write(turnEvent(A))
      await wait(100)
      if (!res.destroyed) res.write(turnEvent(B) + ENDED)
    })
    while (f.turns.length === 0) await wait(5)
    f.follower.stop()
    await f.follower.done
    await wait(150)
    expect(f.turns.map((t) => t.id)).toEqual(['tr_1'])
    expect(f.ended()).toBe(0)
    expect(f.errors).toEqual([])
  })
})
