import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import type { FileHandle } from 'node:fs/promises'
import { connect, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Journal } from '../../../src-main/core/journal/journal'
import { systemClock } from '../../../src-main/core/ports'
import { createReceiver, type Receiver } from '../../../src-main/core/receiver/receiver'
import { TurnBroker } from '../../../src-main/core/turns/turn-broker'
import { SECRET, signedHeaders, smsEnvelope } from './harness'

const undo: Array<() => Promise<unknown> | void> = []
afterEach(async () => {
  for (const u of undo.splice(0).reverse()) await u()
})

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

/** A raw connection that keeps every byte answered, so "nothing yet" can be checked exactly. */
function rawRequest(url: string, body: string, headers: Record<string, string>): { socket: Socket; received: () => string; closed: Promise<void> } {
  const { port, hostname, pathname } = new URL(url)
  let got = ''
  const socket = connect(Number(port), hostname)
  const head = Object.entries({ ...headers, host: `${hostname}:${port}`, 'content-length': String(Buffer.byteLength(body)), connection: 'close' })
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')
  socket.write(`POST ${pathname} HTTP/1.1\r\n${head}\r\n${body}`)
  socket.on('data', (d) => (got += d.toString('latin1')))
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()))
  return { socket, received: () => got, closed }
}

describe('no acknowledgement before the disk has the delivery', () => {
  it('holds the 2xx until the fdatasync of its record completes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'durable-ack-'))
    undo.push(() => rmSync(dir, { recursive: true, force: true }))
    const syncStarted = deferred()
    const release = deferred()
    let held = true
    const journal = await Journal.open({
      dir,
      clock: systemClock,
      sync: async (file: FileHandle) => {
        if (held) {
          syncStarted.resolve()
          await release.promise
        }
        await file.datasync()
      }
    })
    undo.push(() => journal.close())
    const broker = new TurnBroker({ clock: systemClock, config: () => ({ fillerEnabled: false, fillerText: '', fallbackText: 'x', turnTimeoutMs: 30_000, deadlineMarginMs: 2000, maxOpenTurns: 10 }), onEvent: () => {} })
    const receiver: Receiver = createReceiver({ clock: systemClock, secrets: () => [SECRET], journal, broker, onAccepted: () => {}, onDelivery: () => {} })
    await receiver.start()
    undo.push(() => receiver.stop())

    const body = smsEnvelope('hold the line')
    const request = rawRequest(receiver.url, body, signedHeaders(body))
    await syncStarted.promise
    // The record is written (only its sync is held). A second request that needs no journal is
    // answered meanwhile: by the time it is, a premature answer to the first would have gone out too.
    const other = await fetch(receiver.url, { method: 'GET' })
    expect(other.status).toBe(405)
    await new Promise((resolve) => setImmediate(resolve))
    expect(request.received()).toBe('')
    expect(readFileSync(join(dir, 'journal-000001.jsonl'), 'utf8')).toContain('hold the line')

    held = false
    release.resolve()
    await request.closed
    expect(request.received()).toMatch(/^HTTP\/1\.1 200 /)
  })
})
