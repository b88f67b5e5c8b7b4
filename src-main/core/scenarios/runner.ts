/**
 * Plays scenarios against a webhook server as AgentPhone would: one signed delivery per step, the
 * answer read within the webhook timeout, then `agent.call_ended` when a voice call is over.
 * Time comes from the injected clock, so tests drive deadlines without sleeping.
 */
import type { RunResult, ScenarioResult, StepResult } from '../../../src-preload/scenario-payloads'
import type { Clock } from '../ports'
import type { Envelope } from '../sim/payloads'
import { postWebhook } from '../sim/webhook-sender'
import { actionsOf, callerWarnings, checkExpectations, defaultExpect, spokenText } from './checks'
import { DEFAULT_TIMEOUT_SECONDS, ScenarioConversation } from './conversation'
import { readPlainReply, readVoiceReply, type ReadReply } from './read-reply'
import { buildRequest, type OutgoingRequest } from './request'
import { isFault, type Scenario, type Step } from './schema'

/** A parsed scenario and where it came from. */
export interface LoadedScenario {
  scenario: Scenario
  file: string | null
  stepLines: Array<number | null>
}

export type StepEvent = { scenario: string; index: number; label: string; request: StepResult['request'] } & (
  | { phase: 'sent'; result: null }
  | { phase: 'done'; result: StepResult }
)

export interface RunOptions {
  webhookUrl: string
  secret: string
  clock: Clock
  /** Overrides every scenario's webhook timeout (tests use a short one). */
  timeoutMs?: number
  onStep?: (event: StepEvent) => void
  /** Stops the run between steps (the app's Stop button). */
  signal?: AbortSignal
}

/** How long AgentPhone waits before it hangs up on a `timeout` fault's request, unless `afterMs` says. */
export const DEFAULT_TIMEOUT_FAULT_MS = 50
const PROBE_LINE = 'This is a test delivery.'
const STOPPED = 'the run was stopped'

function labelOf(step: Step, index: number): string {
  if (isFault(step)) return `step ${index + 1}: fault ${step.fault}`
  const words = step.caller.length > 60 ? `${step.caller.slice(0, 57)}…` : step.caller
  return `step ${index + 1}: "${words}"`
}

interface Exchange {
  status: number | null
  firstByteMs: number | null
  contentType: string | null
  read: ReadReply | null
  error: string | null
}

async function exchange(url: string, req: OutgoingRequest, voice: boolean, waitMs: number, clock: Clock, stop?: AbortSignal): Promise<Exchange> {
  const startedAt = clock.now()
  const controller = new AbortController()
  const timer = clock.after(waitMs, () => controller.abort())
  // Stopping the run drops the request in flight too, rather than waiting out its timeout.
  const onStop = (): void => controller.abort()
  stop?.addEventListener('abort', onStop, { once: true })
  const out: Exchange = { status: null, firstByteMs: null, contentType: null, read: null, error: null }
  try {
    const res = await postWebhook(url, req.headers, req.body, controller.signal)
    out.firstByteMs = clock.now() - startedAt
    out.status = res.statusCode ?? 0
    out.contentType = typeof res.headers['content-type'] === 'string' ? res.headers['content-type'] : null
    const readIt = voice && out.status >= 200 && out.status < 300 ? readVoiceReply : readPlainReply
    out.read = await readIt(res, clock, startedAt)
    if (out.read.endedBy === 'aborted') out.error = `no complete answer within ${waitMs} ms`
  } catch (err) {
    out.error = controller.signal.aborted ? `no answer within ${waitMs} ms` : (err as Error).message
  } finally {
    timer.cancel()
    stop?.removeEventListener('abort', onStop)
  }
  if (stop?.aborted) out.error = STOPPED
  return out
}

function requestView(req: OutgoingRequest): StepResult['request'] {
  return { event: req.event, channel: req.channel, webhookId: req.webhookId, headers: { ...req.headers }, body: req.body.toString('utf8') }
}

/** Plays one scenario and reports every step. */
export async function runScenario(loaded: LoadedScenario, o: RunOptions): Promise<ScenarioResult> {
  const { scenario } = loaded
  const startedAtMs = o.clock.now()
  const conv = new ScenarioConversation(scenario, o.clock)
  const voice = scenario.channel === 'voice'
  const timeoutMs = o.timeoutMs ?? (scenario.webhook?.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000
  const steps: StepResult[] = []
  let previous: OutgoingRequest | undefined
  let hungUp = false

  const play = async (index: number, label: string, line: number | null, envelope: Envelope, step: Step | null): Promise<StepResult> => {
    const fault = step && isFault(step) ? step.fault : undefined
    const req = buildRequest(envelope, { secret: o.secret, nowSeconds: Math.floor(o.clock.now() / 1000), fault, previous })
    o.onStep?.({ scenario: scenario.name, index, label, phase: 'sent', request: requestView(req), result: null })
    const isTurn = envelope.event === 'agent.message'
    const waitMs = fault === 'timeout' ? (step && isFault(step) ? (step.afterMs ?? DEFAULT_TIMEOUT_FAULT_MS) : DEFAULT_TIMEOUT_FAULT_MS) : timeoutMs
    const x = await exchange(o.webhookUrl, req, voice && isTurn, waitMs, o.clock, o.signal)
    const lines = x.read?.lines ?? []
    const reply = spokenText(lines)
    const actions = actionsOf(lines)
    const latencyMs = x.read?.endedBy === 'aborted' ? null : (x.read?.closedAtMs ?? null)
    const expect = { ...defaultExpect(fault), ...(step?.expect ?? {}) }
    const checks = checkExpectations(expect, { status: x.status, reply, actions, latencyMs, error: x.error })
    const stopped = x.error === STOPPED
    const timedOut = !stopped && (x.error?.startsWith('no answer within') === true || x.read?.endedBy === 'aborted')
    // A server that cannot be reached fails the step, whatever it expected; a timeout is judged by the warnings.
    if (stopped) checks.unshift({ name: 'finished', passed: false, expected: 'an answer', actual: STOPPED })
    else if (x.status === null && !timedOut) checks.unshift({ name: 'connected', passed: false, expected: 'an HTTP answer', actual: x.error ?? 'nothing' })
    const warnings = stopped ? [] : callerWarnings({ voice: voice && isTurn, status: x.status, read: x.read, timeoutMs: waitMs, timedOut, fault })
    if (fault !== 'duplicateId') previous = req
    const result: StepResult = {
      index,
      label,
      line,
      caller: step ? (isFault(step) ? (step.caller ?? null) : step.caller) : null,
      fault: fault ?? null,
      request: requestView(req),
      response: { status: x.status, contentType: x.contentType, firstByteMs: x.firstByteMs, latencyMs, lines, body: x.read?.body ?? '', error: x.error },
      reply,
      actions,
      checks,
      warnings,
      passed: checks.every((c) => c.passed)
    }
    o.onStep?.({ scenario: scenario.name, index, label, phase: 'done', request: result.request, result })
    return result
  }

  for (const [i, step] of scenario.turns.entries()) {
    if (o.signal?.aborted) break
    const fault = isFault(step) ? step.fault : undefined
    // A forged delivery is shaped like the next turn but never becomes part of the call; an abandoned one does.
    const forged = fault !== undefined && fault !== 'timeout'
    const text = isFault(step) ? (step.caller ?? PROBE_LINE) : step.caller
    const envelope = forged ? conv.probe(text) : conv.callerSays(text, isFault(step) ? undefined : step.digits)
    const result = await play(i, labelOf(step, i), loaded.stepLines[i] ?? null, envelope, step)
    if (!forged) conv.agentSaid(result.response.lines.filter((l) => l.spoken && l.text !== '').map((l) => ({ text: l.text, interim: l.interim })))
    if (!forged && (result.actions.includes('hangup') || result.actions.includes('transfer'))) hungUp = true
    steps.push(result)
  }
  if (voice && !o.signal?.aborted) {
    steps.push(await play(steps.length, 'call ended (agent.call_ended)', null, conv.ended(hungUp ? 'agent_hangup' : 'user_hangup'), null))
  }
  return {
    name: scenario.name,
    file: loaded.file,
    channel: scenario.channel,
    startedAt: new Date(startedAtMs).toISOString(),
    durationMs: o.clock.now() - startedAtMs,
    steps,
    passed: steps.every((s) => s.passed)
  }
}

/** Plays every scenario in turn (one call at a time, as a developer's laptop server expects). */
export async function runScenarios(list: LoadedScenario[], o: RunOptions): Promise<RunResult> {
  const startedAtMs = o.clock.now()
  const scenarios: ScenarioResult[] = []
  for (const loaded of list) {
    if (o.signal?.aborted) break
    scenarios.push(await runScenario(loaded, o))
  }
  return {
    webhookUrl: o.webhookUrl,
    startedAt: new Date(startedAtMs).toISOString(),
    durationMs: o.clock.now() - startedAtMs,
    passed: scenarios.every((s) => s.passed),
    scenarios
  }
}
