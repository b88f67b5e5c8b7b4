import type { CopilotTestResult } from '../../../src-preload/contract'
import type { Clock } from '../ports'
import type { ConnectChat } from './chat-client'
import type { CopilotEndpoint } from './copilot-settings'
import { describeFailure } from './failure-words'
import { streamAnswer } from './stream-answer'

/** The Test button waits this long for a first word; a copilot slower than that is no use on a call. */
export const TEST_TIMEOUT_MS = 15_000

/**
 * Settings › Copilot's Test: one short streamed request through the same path drafts take. It
 * stops at the first words (the figure that matters on a call is how soon they come) and answers
 * what happened in plain words: it works, or unreachable, refused key, unknown model, and so on.
 */
export async function testEndpoint(deps: { clock: Clock; connect: ConnectChat }, endpoint: CopilotEndpoint): Promise<CopilotTestResult> {
  const controller = new AbortController()
  const started = deps.clock.now()
  let first = ''
  let ms = 0
  let timedOut = false
  const timer = deps.clock.after(TEST_TIMEOUT_MS, () => {
    timedOut = true
    controller.abort()
  })
  const result = (ok: boolean, detail: string): CopilotTestResult => ({ ok, detail, modelLabel: endpoint.label, ms })
  try {
    const messages = [
      { role: 'system' as const, content: 'Reply with one short, friendly sentence.' },
      { role: 'user' as const, content: 'Say hello to the person setting you up.' }
    ]
    await streamAnswer(deps.connect(endpoint), { model: endpoint.model, messages }, controller.signal, (text) => {
      if (first) return
      first = text
      ms = deps.clock.now() - started
      controller.abort() // the first words are the answer to the test
    })
  } catch (err) {
    if (!first) {
      ms = deps.clock.now() - started
      if (timedOut) return result(false, `No answer within ${TEST_TIMEOUT_MS / 1000} s from ${endpoint.baseURL}.`)
      return result(false, describeFailure(err, endpoint))
    }
  } finally {
    timer.cancel()
  }
  if (!first) return result(false, `The server at ${endpoint.baseURL} answered, but with no text.`)
  const said = first.length > 60 ? `${first.slice(0, 57)}…` : first
  return result(true, `It works: ${endpoint.label} began answering in ${ms} ms ("${said}").`)
}
