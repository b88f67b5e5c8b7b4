import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AgentPhoneClient } from '../../../src-main/core/agentphone/client'
import { AgentDirectory } from '../../../src-main/core/live/agent-directory'
import { CallBoard } from '../../../src-main/core/live/call-board'
import { CALL_POLL_INTERVAL_MS, CallPoller } from '../../../src-main/core/live/call-poller'
import { CallTracker } from '../../../src-main/core/live/call-tracker'
import { GAP_CHECK_INTERVAL_MS, GapFinder } from '../../../src-main/core/live/gap-finder'
import { Journal } from '../../../src-main/core/journal/journal'
import { memoryStore, silentLogger } from '../../../src-main/core/ports'
import { fakeClock } from '../../server/helpers/fake-clock'
import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

/**
 * A real HTTP server standing in for AgentPhone that holds every request until the test answers
 * it: a poll or a stream can be caught in flight, exactly when a stop arrives.
 */
async function heldApi() {
  const held: Array<{ req: IncomingMessage; res: ServerResponse }> = []
  const seen: string[] = []
  const server: Server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`)
    held.push({ req, res })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`
  return {
    api: new AgentPhoneClient({ baseUrl: url, apiKey: 'sk_test_held', maxRetries: 0 }),
    seen,
    held,
    answerAll(status: number, body: unknown) {
      for (const { res } of held.splice(0)) {
        if (res.destroyed) continue
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(JSON.stringify(body))
      }
    },
    close: () => {
      server.closeAllConnections()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

const closers: Array<() => Promise<unknown> | unknown> = []
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close()
})

describe('pollers and followers stop when stopped', () => {
  it('the gap finder: a check in flight at stop arms no further check', async () => {
    const server = await heldApi()
    closers.push(server.close)
    const clock = fakeClock()
    const finder = new GapFinder({ api: server.api, board: new CallBoard(() => {}), store: memoryStore(), clock, logger: silentLogger, emit: () => {} })
    finder.start()
    await vi.waitFor(() => expect(server.seen.length).toBe(2)) // calls and conversations, in flight
    finder.stop()
    server.answerAll(200, { data: [], hasMore: false, total: 0 })
    await finder.settled()
    expect(clock.pending()).toBe(0)
    clock.advance(10 * GAP_CHECK_INTERVAL_MS)
    expect(server.seen).toHaveLength(2)

    // A new registration starts it again, and that loop does keep going.
    finder.start()
    await vi.waitFor(() => expect(server.seen.length).toBe(4))
    server.answerAll(200, { data: [], hasMore: false, total: 0 })
    await finder.settled()
    expect(clock.pending()).toBe(1)
    finder.stop()
    expect(clock.pending()).toBe(0)
  })

  it('the call poller: a poll in flight at stop arms no further poll', async () => {
    const server = await heldApi()
    closers.push(server.close)
    const clock = fakeClock()
    const board = new CallBoard(() => {})
    const poller = new CallPoller({
      api: server.api,
      board,
      directory: new AgentDirectory(async () => []),
      clock,
      logger: silentLogger,
      follower: { track: () => {}, isFollowing: () => false }
    })
    poller.start()
    await vi.waitFor(() => expect(server.seen).toEqual(['GET /v1/calls?status=in-progress&limit=100']))
    poller.stop()
    server.answerAll(200, { data: [], hasMore: false, total: 0 })
    await poller.settled()
    expect(clock.pending()).toBe(0)
    clock.advance(10 * CALL_POLL_INTERVAL_MS)
    expect(server.seen).toHaveLength(1)
  })

  it('the transcript follower: stopped in its reconnect backoff, it never reconnects', async () => {
    const server = await heldApi()
    closers.push(server.close)
    const clock = fakeClock()
    const journal = await Journal.open({ dir: await mkdtemp(path.join(os.tmpdir(), 'stop-follow-')), clock })
    closers.push(() => journal.close())
    const board = new CallBoard(() => {})
    const tracker = new CallTracker({ api: server.api, board, journal, directory: new AgentDirectory(async () => []), clock, nowIso: () => new Date(clock.now()).toISOString() })
    tracker.track('call_hosted', true)
    await vi.waitFor(() => expect(server.seen).toEqual(['GET /v1/calls/call_hosted/transcript/stream']))
    server.answerAll(503, { detail: 'try later' })
    // The follower now waits on the injected clock before reconnecting.
    await vi.waitFor(() => expect(clock.pending()).toBe(1))
    tracker.stopAll()
    expect(clock.pending()).toBe(0)
    expect(tracker.following).toBe(0)
    clock.advance(60_000)
    expect(server.seen).toHaveLength(1)
    // And a stopped tracker follows nothing new.
    tracker.track('call_later', true)
    expect(tracker.following).toBe(0)
    expect(server.seen).toHaveLength(1)
  })
})
