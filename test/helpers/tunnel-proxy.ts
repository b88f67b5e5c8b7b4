import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type TunnelMode = 'forward' | 'rewrite' | 'drop'

/**
 * A stand-in for ngrok or cloudflared: a loopback HTTP server that forwards to the receiver, or
 * rewrites the body on the way (as a misbehaving proxy would), or forwards nothing.
 */
export async function startTunnel(target: string): Promise<{ url: string; mode: TunnelMode; setMode(m: TunnelMode): void; close(): Promise<void> }> {
  let mode: TunnelMode = 'forward'
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      if (mode === 'drop') {
        res.writeHead(502).end('tunnel has no upstream')
        return
      }
      let body = Buffer.concat(chunks)
      if (mode === 'rewrite') body = Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 2))
      const headers = { ...req.headers, 'content-length': String(body.length) }
      delete headers.host
      const upstream = http.request(target, { method: req.method, headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers)
        up.pipe(res)
      })
      upstream.on('error', () => res.writeHead(502).end())
      upstream.end(body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    get mode() {
      return mode
    },
    setMode: (m) => void (mode = m),
    close: () => new Promise((resolve) => server.close(() => resolve()))
  }
}
