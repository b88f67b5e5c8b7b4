/**
 * A tiny webhook receiver for the walk: records every delivery and checks its signature with the
 * production verifier over the raw bytes, answering 401 on a bad one (as the vendor's adapter
 * does) so a mis-signed delivery also shows up as a failed delivery on the simulator's side.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { SignatureCheck } from '../../src-main/core/receiver/signature'
import { EVENT_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, WEBHOOK_ID_HEADER, verify } from '../../src-main/core/receiver/signature'

export interface Delivery {
  path: string
  webhookId: string | undefined
  event: string | undefined
  timestamp: string | undefined
  signature: string | undefined
  raw: Buffer
  body: Record<string, unknown>
  check: SignatureCheck
}

export interface Receiver {
  url: string
  deliveries: Delivery[]
  /** The secret(s) deliveries must be signed with; set from the webhook-create answer. */
  secrets: string[]
  close(): Promise<void>
}

const header = (req: http.IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name]
  return Array.isArray(v) ? v[0] : v
}

export async function startReceiver(): Promise<Receiver> {
  const receiver: Receiver = { url: '', deliveries: [], secrets: [], close: async () => {} }
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const raw = Buffer.concat(chunks)
      const signature = header(req, SIGNATURE_HEADER)
      const timestamp = header(req, TIMESTAMP_HEADER)
      const check = verify(receiver.secrets, { signature, timestamp }, raw, Date.now())
      let body: Record<string, unknown> = {}
      try {
        body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>
      } catch {
        // Kept as {}: the signature check above already judged the raw bytes.
      }
      receiver.deliveries.push({ path: req.url ?? '/', webhookId: header(req, WEBHOOK_ID_HEADER), event: header(req, EVENT_HEADER), timestamp, signature, raw, body, check })
      res.writeHead(check.ok ? 200 : 401, { 'Content-Type': 'application/json' }).end(check.ok ? '{"ok":true}' : '{"detail":"bad signature"}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/agentphone`
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    })
  return receiver
}
