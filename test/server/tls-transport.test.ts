import { mkdtempSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generate } from 'selfsigned'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { AppStatus } from '../../src-preload/contract'
import { parseCliArgs, type ServeArgs } from '../../src-main/server/cli-args'
import { runServe, type Running } from '../../src-main/server/cli-commands'
import { connectAs, startHub, value, type Hub } from './helpers/hub'
import { fakeSession } from './helpers/fake-session'

let cert: string
let key: string
beforeAll(async () => {
  // A certificate made here, for 127.0.0.1 and localhost, trusted by nothing but these tests.
  const pems = await generate([{ name: 'commonName', value: 'switchboard-test' }], {
    keyType: 'ec',
    curve: 'P-256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] }]
  })
  cert = pems.cert
  key = pems.private
})

const hubs: Hub[] = []
const running: Running[] = []
afterEach(async () => {
  for (const h of hubs.splice(0)) await h.stop()
  for (const r of running.splice(0)) await r.stop()
})

function get(url: string, options: { ca?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; headers: Record<string, unknown> }> {
  const request = url.startsWith('https:') ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const req = request(url, { ...(options.ca ? { ca: options.ca } : {}), headers: options.headers ?? {} }, (res) => {
      res.resume()
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('HTTPS and WSS with --tls-cert/--tls-key', () => {
  it('serves the page and the bridge over TLS end to end, and nothing in clear', async () => {
    const h = await startHub({ server: { tls: { cert, key } } })
    hubs.push(h)
    expect(h.server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
    expect(h.server.bridgeUrl).toMatch(/^wss:\/\//)

    const page = await get(`${h.server.url}/`, { ca: cert })
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toContain("default-src 'none'")
    expect((await get(`${h.server.url}/bridge/token`, { ca: cert, headers: { authorization: `Bearer ${h.server.token}` } })).status).toBe(204)

    const owner = await connectAs(h.server, h.server.token, { ca: cert })
    expect(value(await owner.call('team.whoami'))).toMatchObject({ role: 'owner', hub: { tls: true } })
    expect(value(await owner.call<AppStatus>('app.status')).mode).toBe('sandbox')
    owner.socket.close()

    // It is really TLS: a client that does not trust the certificate is refused, and plain HTTP gets no page.
    await expect(get(`${h.server.url}/`)).rejects.toThrow(/self.signed|certificate/i)
    await expect(get(`${h.server.url.replace('https:', 'http:')}/`)).rejects.toThrow()
    // A page served over https:// connects with its https:// origin; an http:// one is another origin.
    await expect(connectAs(h.server, h.server.token, { ca: cert, origin: h.server.url.replace('https:', 'http:') })).rejects.toThrow('status 403')
  })
})

describe('serve: TLS flags and the unencrypted warning', () => {
  async function serve(flags: string[]) {
    const dir = mkdtempSync(join(tmpdir(), 'sb-tls-'))
    writeFileSync(join(dir, 'index.html'), '<!doctype html>')
    writeFileSync(join(dir, 'cert.pem'), cert)
    writeFileSync(join(dir, 'key.pem'), key, { mode: 0o600 })
    const lines: string[] = []
    const warn = vi.fn()
    const status = { mode: 'sandbox', receiverUrl: 'http://127.0.0.1:1/webhook', simulatorUrl: null, notice: null } as unknown as AppStatus
    const args = parseCliArgs(['serve', '--port', '0', '--data-dir', join(dir, 'data'), ...flags.map((f) => f.replace('DIR', dir))]) as ServeArgs
    const r = await runServe(args, {
      startSession: async () => Object.assign(fakeSession(), { status: () => status }),
      staticDir: dir,
      env: {},
      logger: { info() {}, warn, error() {} },
      printLine: (line) => lines.push(line)
    })
    running.push(r)
    return { ready: JSON.parse(lines[0]!) as { ui: string; bridge: string }, warn }
  }

  const unencrypted = (warn: ReturnType<typeof vi.fn>) => warn.mock.calls.some(([m]) => String(m).includes('unencrypted'))

  it('prints https and wss addresses with the certificate, and says nothing about clear text', async () => {
    const { ready, warn } = await serve(['--host', '0.0.0.0', '--tls-cert', 'DIR/cert.pem', '--tls-key', 'DIR/key.pem'])
    expect(ready.ui).toMatch(/^https:\/\/0\.0\.0\.0:\d+\/#token=[0-9a-f]{64}$/)
    expect(ready.bridge).toMatch(/^wss:\/\//)
    expect(unencrypted(warn)).toBe(false)
  })

  it('warns plainly on stderr when bound beyond loopback without TLS, pointing to the reverse-proxy recipe', async () => {
    const { warn } = await serve(['--host', '0.0.0.0'])
    const message = String(warn.mock.calls.find(([m]) => String(m).includes('unencrypted'))?.[0])
    expect(message).toContain('--tls-cert')
    expect(message).toContain('reverse proxy')
    const local = await serve([])
    expect(unencrypted(local.warn)).toBe(false)
  })

  it('prints the public address behind a proxy, and warns when that address is plain http', async () => {
    const proxied = await serve(['--public-url', 'https://sb.example.com/'])
    expect(proxied.ready.ui).toMatch(/^https:\/\/sb\.example\.com\/#token=[0-9a-f]{64}$/)
    expect(unencrypted(proxied.warn)).toBe(false)
    expect(unencrypted((await serve(['--public-url', 'http://sb.example.com'])).warn)).toBe(true)
  })

  it('says which file it could not read', async () => {
    await expect(serve(['--tls-cert', 'DIR/missing.pem', '--tls-key', 'DIR/key.pem'])).rejects.toThrow(/--tls-cert .*missing\.pem cannot be read/)
  })
})

describe('behind a reverse proxy (--public-url)', () => {
  it('accepts the public address as Host and origin on a loopback hub, and nothing else', async () => {
    const h = await startHub({ server: { publicUrl: 'https://switchboard.example.com' } })
    hubs.push(h)
    const proxied = { headers: { Host: 'switchboard.example.com' }, origin: 'https://switchboard.example.com' }
    const owner = await connectAs(h.server, h.server.token, proxied)
    expect(value(await owner.call('team.whoami'))).toMatchObject({ hub: { tls: false, exposed: true } })
    owner.socket.close()
    await expect(connectAs(h.server, h.server.token, { headers: { Host: 'evil.example' }, origin: 'https://evil.example' })).rejects.toThrow('status 403')
    await expect(connectAs(h.server, h.server.token, { headers: { Host: 'switchboard.example.com' }, origin: 'https://evil.example' })).rejects.toThrow('status 403')
    expect((await get(`${h.server.url}/bridge/token`, { headers: { Host: 'switchboard.example.com', authorization: `Bearer ${h.server.token}` } })).status).toBe(204)
  })
})
