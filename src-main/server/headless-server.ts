/**
 * The headless shell: one HTTP server that serves the built renderer and carries the WebSocket
 * bridge, so the whole product runs in an ordinary browser with no Electron at all.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import type { AddressInfo, Socket } from 'node:net'
import { WebSocketServer } from 'ws'
import type { Caller } from '../../src-preload/command-roles'
import type { AuditLog } from '../core/audit/audit-log'
import type { SessionLike } from '../core/session-types'
import type { Clock, Logger } from '../core/ports'
import { silentLogger, systemClock } from '../core/ports'
import { attachBridgeConnection } from './bridge-connection'
import { ConnectionRegistry } from './connection-registry'
import { createHubCommands } from './hub-commands'
import { createStaticHandler, faviconFiles } from './static-files'
import { applySecurityHeaders } from './security-headers'
import { tokensMatch, type TokenStore } from './token-store'
import { BRIDGE_PATH, TOKEN_CHECK_PATH, checkTokenRequest, checkUpgrade, isLoopbackHost } from './upgrade-guard'

export interface HeadlessServerOptions {
  session: SessionLike
  /** Defaults to 127.0.0.1: the bridge drives a phone account, it is not for the network. */
  host?: string
  /** 0 (the default) takes any free port. */
  port?: number
  /** The built renderer for the browser (out/web). */
  staticDir: string
  /** resources/, for /favicon.ico and /favicon.svg. */
  resourcesDir?: string
  /** The token in the printed address; a fresh random one (32 bytes, hex) when absent. */
  token?: string
  /** Which tokens open the bridge; by default only `token`. Ignored when `tokens` is given. */
  verifyToken?: (given: string | null) => boolean
  /** The team's links (owner and people, with roles): who each token is. `token` defaults to the owner's. */
  tokens?: TokenStore
  /** The activity trail the team's changes go to (the session host's). */
  audit?: AuditLog
  /** PEM certificate and key: the UI and the bridge are served over HTTPS and WSS. */
  tls?: { cert: string | Buffer; key: string | Buffer }
  /** Ping/pong liveness of each bridge socket (heartbeat.ts); `false` turns it off. */
  heartbeat?: { intervalMs?: number; timeoutMs?: number } | false
  /** The address people open through a reverse proxy (`--public-url`), accepted as Host and Origin. */
  publicUrl?: string
  clock?: Clock
  logger?: Logger
  /** Largest message a client may send (default 1 MiB). */
  maxPayloadBytes?: number
  /** A client whose unsent backlog passes this is closed (default 16 MiB). */
  maxBufferedBytes?: number
}

export interface HeadlessServer {
  /** Where the UI is, e.g. http://127.0.0.1:5123 (no trailing slash, no token). */
  url: string
  /** The bridge, token included: ws://127.0.0.1:5123/bridge?token=… */
  bridgeUrl: string
  token: string
  /** Served over HTTPS/WSS. */
  tls: boolean
  /** Closes every bridge client and the listener. Does not stop the session (its owner does). */
  close(): Promise<void>
}

function formatHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host
}

function refuseUpgrade(socket: Socket, status: number, reason: string): void {
  const text = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[status] ?? 'Error'
  const body = `${reason}\n`
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
  )
}

/** Starts the server and resolves once it listens. */
export async function startHeadlessServer(options: HeadlessServerOptions): Promise<HeadlessServer> {
  const host = options.host ?? '127.0.0.1'
  const tokens = options.tokens ?? null
  const token = options.token ?? tokens?.primary.token ?? randomBytes(32).toString('hex')
  const clock = options.clock ?? systemClock
  const logger = options.logger ?? silentLogger
  const serveStatic = createStaticHandler(options.staticDir, options.resourcesDir ? faviconFiles(options.resourcesDir) : {})
  const singleToken = options.verifyToken ?? ((given: string | null) => tokensMatch(token, given))
  /** Who a token opens the bridge for: a person of the team, or (one fixed token) the owner. */
  const identify = (given: string | null): Caller | null =>
    tokens ? tokens.verify(given) : singleToken(given) ? { id: 'owner', name: 'Owner', role: 'owner', local: false } : null
  const guard = { verifyToken: (given: string | null) => identify(given) !== null, boundHost: host, tls: Boolean(options.tls), publicUrl: options.publicUrl }
  // A person's last tab closing lets go of the turns they held (turn-claims.ts).
  const registry = new ConnectionRegistry((personId) => options.session.personLeft?.(personId))
  const hubCommands = createHubCommands({
    tokens,
    registry,
    audit: options.audit ?? null,
    clock,
    // Behind a reverse proxy the page's own https:// says whether its traffic is encrypted.
    transport: { tls: Boolean(options.tls), exposed: !isLoopbackHost(host) || Boolean(options.publicUrl) }
  })

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    if ((req.url ?? '').split('?', 1)[0] === TOKEN_CHECK_PATH) {
      applySecurityHeaders(res)
      res.statusCode = checkTokenRequest(req, guard)
      res.setHeader('Cache-Control', 'no-store')
      res.end()
      return
    }
    serveStatic(req, res).catch((error: unknown) => {
      logger.error('static request failed', { error: String(error) })
      if (!res.headersSent) res.statusCode = 500
      res.end()
    })
  }
  const server = options.tls ? createTlsServer({ cert: options.tls.cert, key: options.tls.key }, handle) : createServer(handle)
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayloadBytes ?? 1024 * 1024 })

  server.on('upgrade', (req, socket: Socket, head) => {
    socket.on('error', () => socket.destroy())
    const verdict = checkUpgrade(req, guard)
    if (!verdict.ok) {
      logger.warn('bridge upgrade refused', { status: verdict.status, reason: verdict.reason })
      refuseUpgrade(socket, verdict.status, verdict.reason)
      return
    }
    const given = new URL(req.url ?? '/', 'http://bridge.invalid').searchParams.get('token')
    const person = identify(given)!
    wss.handleUpgrade(req, socket, head, (ws) => {
      const connection = attachBridgeConnection({
        socket: ws,
        session: options.session,
        clock,
        logger,
        maxBufferedBytes: options.maxBufferedBytes ?? 16 * 1024 * 1024,
        maxCallsInFlight: 256,
        // The token is checked again on every call: a changed role applies at once, and a revoked or
        // replaced link is refused even on a socket that opened a moment before it changed.
        caller: () => identify(given),
        hubCommands,
        heartbeat: options.heartbeat
      })
      ws.once('close', registry.add(person.id, connection))
    })
  })

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', rejectListen)
      resolveListen()
    })
  })
  server.on('error', (error) => logger.error('headless server error', { error: String(error) }))

  const { port } = server.address() as AddressInfo
  const url = `${options.tls ? 'https' : 'http'}://${formatHost(host)}:${port}`
  let closed: Promise<void> | null = null

  return {
    url,
    bridgeUrl: `${options.tls ? 'wss' : 'ws'}://${formatHost(host)}:${port}${BRIDGE_PATH}?token=${encodeURIComponent(token)}`,
    token,
    tls: Boolean(options.tls),
    close() {
      closed ??= (async () => {
        // Say goodbye properly (1001 "going away") and give clients a moment to answer it.
        const goodbyes = [...wss.clients].map(
          (client) =>
            new Promise<void>((done) => {
              client.once('close', () => done())
              client.close(1001, 'server shutting down')
            })
        )
        await Promise.race([Promise.all(goodbyes), new Promise<void>((done) => clock.after(1000, done))])
        for (const client of wss.clients) client.terminate()
        wss.close()
        await new Promise<void>((done) => {
          server.close(() => done())
          // Keep-alive HTTP connections would otherwise hold close() open.
          server.closeAllConnections()
        })
      })()
      return closed
    }
  }
}
