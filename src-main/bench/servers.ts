import { createHmac } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Express, Request, Response } from 'express'
import type expressModule from 'express'
import { Journal } from '../core/journal/journal'
import { DeliveryLog } from '../core/live/delivery-log'
import { systemClock } from '../core/ports'
import { createReceiver } from '../core/receiver/receiver'
import { TurnBroker } from '../core/turns/turn-broker'

export const BENCH_SECRET = 'whsec_bench_secret'

/** A server under test: where to send deliveries, and how to shut it down. */
export interface BenchServer {
  url: string
  stop(): Promise<void>
}

async function listen(server: Server, path: string): Promise<BenchServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}${path}`,
    stop: async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  }
}

/** The floor: `node:http` reading the body and answering 200, nothing checked, nothing stored. */
export function startBare(): Promise<BenchServer> {
  const server = createServer((req, res) => {
    req.on('data', () => undefined)
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '11' })
      res.end('{"ok":true}')
    })
  })
  return listen(server, '/webhook')
}

/**
 * The vendor docs' pattern: `express.json()` parses the body, then the handler re-serialises
 * `req.body` to check the signature, then answers 200. Nothing stored, so it is not durable either.
 * Express is a dev dependency, loaded at run time rather than bundled into the bench.
 */
export function startExpressExample(): Promise<BenchServer> {
  const express = createRequire(import.meta.url)('express') as typeof expressModule
  const app: Express = express()
  app.post('/webhook', express.json(), (req: Request, res: Response) => {
    const signature = req.headers['x-webhook-signature']
    const timestamp = req.headers['x-webhook-timestamp']
    const payload = JSON.stringify(req.body)
    const expected = `sha256=${createHmac('sha256', BENCH_SECRET).update(`${String(timestamp)}.${payload}`).digest('hex')}`
    if (signature !== expected) {
      res.status(401).json({ error: 'invalid signature' })
      return
    }
    res.status(200).json({ ok: true })
  })
  return listen(createServer(app), '/webhook')
}

/** Our receiver as the session wires it: durable journal, turn broker, bounded delivery log. */
export interface ReceiverRig extends BenchServer {
  journal: Journal
  deliveries: DeliveryLog
}

export async function startReceiver(): Promise<ReceiverRig> {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-bench-'))
  const journal = await Journal.open({ dir, clock: systemClock })
  const deliveries = new DeliveryLog()
  const broker = new TurnBroker({
    clock: systemClock,
    config: () => ({
      fillerEnabled: true,
      fillerText: 'One moment.',
      fallbackText: 'Sorry, nobody is free.',
      turnTimeoutMs: 60_000,
      deadlineMarginMs: 2_000,
      maxOpenTurns: 500
    }),
    onEvent: () => undefined
  })
  const receiver = createReceiver({
    clock: systemClock,
    secrets: () => [BENCH_SECRET],
    journal,
    broker,
    onAccepted: () => undefined,
    onDelivery: (delivery) => deliveries.record(delivery)
  })
  await receiver.start()
  return {
    url: receiver.url,
    journal,
    deliveries,
    stop: async () => {
      broker.closeAll()
      await receiver.stop()
      await journal.close()
      await rm(dir, { recursive: true, force: true })
    }
  }
}
