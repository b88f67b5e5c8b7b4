import { request } from 'node:http'

export interface LocalTarget {
  host: string
  port: number
  path: string
}

/** Loopback address for a host we listen on: a wildcard bind is still reached on loopback. */
export function loopbackFor(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1'
  if (host === '::') return '::1'
  return host
}

/**
 * POSTs `body` to our own receiver and drains the answer. For a voice turn the request stays open
 * until the turn ends, exactly like AgentPhone's would; it resolves when the response ends.
 */
export function sendLocal(target: LocalTarget, body: string, headers: Record<string, string>): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const req = request(
      {
        host: loopbackFor(target.host),
        port: target.port,
        path: target.path,
        method: 'POST',
        agent: false,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }
      },
      (res) => {
        res.on('error', reject)
        res.on('end', () => resolve())
        res.on('close', () => (res.complete ? resolve() : reject(new Error('the connection closed mid-answer'))))
        res.resume()
      }
    )
    req.on('error', reject)
    req.end(body)
  })
}
