import { createHmac } from 'node:crypto'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import type { Express, Request, Response } from 'express'
import type expressModule from 'express'

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
export function startExpressExample(secret: string): Promise<BenchServer> {
  const express = createRequire(import.meta.url)('express') as typeof expressModule
  const app: Express = express()
  app.post('/webhook', express.json(), (req: Request, res: Response) => {
    const signature = req.headers['x-webhook-signature']
    const timestamp = req.headers['x-webhook-timestamp']
    const payload = JSON.stringify(req.body)
    const expected = `sha256=${createHmac('sha256', secret).update(`${String(timestamp)}.${payload}`).digest('hex')}`
    if (signature !== expected) {
      res.status(401).json({ error: 'invalid signature' })
      return
    }
    res.status(200).json({ ok: true })
  })
  return listen(createServer(app), '/webhook')
}

/**
 * Child side of `--baseline bare|express`: each baseline runs alone in its own process, as the app
 * does, and reports `{ready, url}` over IPC once it listens. It stops when the bench disconnects.
 */
export async function runBaselineServer(kind: string, secret: string): Promise<void> {
  const server = kind === 'express' ? await startExpressExample(secret) : await startBare()
  process.send?.({ ready: true, url: server.url })
  process.on('disconnect', () => void server.stop().finally(() => process.exit(0)))
}
