import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { answerChunks, SSE_HEADERS } from '../core/copilot/completion-chunks'

/**
 * An OpenAI-compatible model that answers at once: every chat completion streams a short fixed
 * answer the moment the request has arrived, so what the bench measures is the copilot's own path.
 */
export async function startInstantModel(): Promise<{ baseURL: string; stop(): Promise<void> }> {
  let n = 0
  const server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      res.writeHead(200, SSE_HEADERS)
      res.end(answerChunks(`chatcmpl-bench-${++n}`, 'bench-model', { pieces: ['Happy ', 'to ', 'help.'] }).join(''))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    stop: async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  }
}
