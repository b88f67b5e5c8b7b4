import http from 'node:http'
import type { IncomingHttpHeaders, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { answerChunks, SSE_HEADERS, type ScriptedAnswer } from '../../../src-main/core/copilot/completion-chunks'

/** What the fake does with the next request. */
export type Script =
  | ({ kind: 'answer'; model?: string; /** Pieces sent before waiting for `release()`; all when absent. */ holdAfter?: number } & ScriptedAnswer)
  | { kind: 'error'; status: number; body: unknown; headers?: Record<string, string> }
  /** Headers sent, then nothing until the test releases (or the client gives up). */
  | { kind: 'silent' }

export interface SeenRequest {
  path: string
  headers: IncomingHttpHeaders
  body: { model?: string; messages?: Array<{ role: string; content: string }>; tools?: Array<{ function: { name: string } }>; stream?: boolean }
}

export interface FakeOpenAi {
  /** The base URL the SDK is given (ends in /v1). */
  baseURL: string
  requests: SeenRequest[]
  /** Responses the client hung up on before they ended (an aborted request). */
  abandoned(): number
  /** Queues what the next requests get; without a script a request gets `fallback`. */
  next(...scripts: Script[]): void
  fallback: Script
  /** Lets every held response go on. */
  release(): void
  /** Resolves once `n` requests have arrived. */
  waitForRequests(n: number): Promise<void>
  close(): Promise<void>
}

/**
 * An OpenAI-compatible chat-completions server over real HTTP: streamed answers, tool calls,
 * error statuses, and answers held back until the test says so (a slow model).
 */
export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const queue: Script[] = []
  const requests: SeenRequest[] = []
  let gates: Array<() => void> = []
  let waiters: Array<() => void> = []
  let abandoned = 0
  const held = (): Promise<void> => new Promise((resolve) => gates.push(resolve))

  const respond = async (script: Script, res: ServerResponse, id: string): Promise<void> => {
    if (script.kind === 'error') {
      res.writeHead(script.status, { 'Content-Type': 'application/json', ...script.headers })
      res.end(JSON.stringify(script.body))
      return
    }
    res.writeHead(200, SSE_HEADERS)
    res.flushHeaders()
    if (script.kind === 'silent') {
      await held()
      res.end('data: [DONE]\n\n')
      return
    }
    const chunks = answerChunks(id, script.model ?? 'fake-model', script)
    // The role chunk plus `holdAfter` pieces go at once; the rest once released.
    const first = script.holdAfter === undefined ? chunks.length : 1 + script.holdAfter
    res.write(chunks.slice(0, first).join(''))
    if (first < chunks.length) {
      await held()
      if (!res.destroyed) res.write(chunks.slice(first).join(''))
    }
    res.end()
  }

  const server = http.createServer((req, res) => {
    const parts: Buffer[] = []
    req.on('data', (c: Buffer) => parts.push(c))
    req.on('end', () => {
      const text = Buffer.concat(parts).toString('utf8')
      requests.push({ path: req.url ?? '', headers: req.headers, body: text ? (JSON.parse(text) as SeenRequest['body']) : {} })
      for (const wake of waiters.splice(0)) wake()
      res.on('close', () => {
        if (!res.writableEnded) abandoned += 1
      })
      void respond(queue.shift() ?? fake.fallback, res, `chatcmpl-${requests.length}`)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  const fake: FakeOpenAi = {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    abandoned: () => abandoned,
    fallback: { kind: 'answer', pieces: ['Happy ', 'to ', 'help.'] },
    next: (...scripts) => void queue.push(...scripts),
    release() {
      const open = gates
      gates = []
      for (const go of open) go()
    },
    async waitForRequests(n) {
      while (requests.length < n) await new Promise<void>((resolve) => waiters.push(resolve))
    },
    async close() {
      fake.release()
      waiters = []
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  }
  return fake
}
