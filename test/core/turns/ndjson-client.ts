import { request } from 'node:http'
import type { IncomingHttpHeaders } from 'node:http'

/** A streaming NDJSON reader over real HTTP, like AgentPhone's side of a voice turn. */
export interface StreamClient {
  status: Promise<number>
  headers: Promise<IncomingHttpHeaders>
  lines: string[]
  /** Resolves when at least `n` lines have arrived. */
  waitForLines(n: number): Promise<string[]>
  /** Resolves with every line once the response ends (rejects if the connection drops). */
  ended: Promise<string[]>
  abort(): void
}

export function streamPost(url: string, body = '{}', headers: Record<string, string> = {}): StreamClient {
  const lines: string[] = []
  let buffered = ''
  const waiters: Array<{ n: number; resolve: (l: string[]) => void }> = []
  let setStatus!: (s: number) => void
  let setHeaders!: (h: IncomingHttpHeaders) => void
  let endOk!: (l: string[]) => void
  let endFail!: (e: Error) => void
  const status = new Promise<number>((r) => (setStatus = r))
  const head = new Promise<IncomingHttpHeaders>((r) => (setHeaders = r))
  const ended = new Promise<string[]>((ok, fail) => {
    endOk = ok
    endFail = fail
  })
  ended.catch(() => undefined)
  const wake = (): void => {
    for (const w of [...waiters]) {
      if (lines.length < w.n) continue
      waiters.splice(waiters.indexOf(w), 1)
      w.resolve([...lines])
    }
  }
  const req = request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
    setStatus(res.statusCode ?? 0)
    setHeaders(res.headers)
    res.setEncoding('utf8')
    res.on('data', (chunk: string) => {
      buffered += chunk
      let nl: number
      while ((nl = buffered.indexOf('\n')) >= 0) {
        lines.push(buffered.slice(0, nl))
        buffered = buffered.slice(nl + 1)
      }
      wake()
    })
    res.on('end', () => endOk([...lines]))
    res.on('error', endFail)
    res.on('close', () => {
      if (!res.complete) endFail(new Error('closed early'))
    })
  })
  req.on('error', endFail)
  req.end(body)
  return {
    status,
    headers: head,
    lines,
    waitForLines: (n) =>
      new Promise((resolve) => {
        waiters.push({ n, resolve })
        wake()
      }),
    ended,
    abort: () => req.destroy()
  }
}
