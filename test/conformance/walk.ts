/**
 * The shared walk: one table of steps, each with an adapter per client (`sdk`: the official SDK,
 * `ours`: our AgentPhoneClient) that maps the typed answer to a small common view, and one `check`
 * both views must pass. The SDK adapters also hold the raw answers to the SDK's typed shapes.
 */
import type { AgentPhoneClient as SdkClient } from 'agentphone'
import { AgentPhoneError } from 'agentphone'
import { expect } from 'vitest'
import type { AgentPhoneClient } from '../../src-main/core/agentphone/client'
import { ApiError } from '../../src-main/core/agentphone/errors'
import type { Env } from './harness'

/** Ids and secrets the steps hand on to later steps. */
export interface WalkState {
  agentId: string
  numberId: string
  phoneNumber: string
  callId: string
  conversationId: string
  webhookSecret: string
  /** The X-Webhook-ID of the test delivery the receiver got. */
  testDeliveryId: string
}

export interface WalkCtx {
  env: Env
  state: WalkState
}

/**
 * `S` and `O` are the two adapters' views: alike in the fields `check` reads, but each keeps its
 * client's own typing (the SDK's strict interfaces, our zod outputs), so a renamed or retyped field
 * on either side fails to compile here.
 */
export interface Step<S, O = S> {
  name: string
  /** Far-side actions both walks need before the step (the sandbox phone answering, speaking). */
  before?(w: WalkCtx): Promise<void>
  sdk(client: SdkClient, w: WalkCtx): Promise<S>
  ours(client: AgentPhoneClient, w: WalkCtx): Promise<O>
  check(view: S | O, w: WalkCtx): void
}

/** Erases a step's view types so steps with different views share one table. */
export function step<S, O>(s: Step<S, O>): Step<unknown> {
  return s as unknown as Step<unknown>
}

export const AGENT_NAME = 'Conformance Desk'
export const DEFAULT_VOICE = 'custom_voice_ea22ba5fdfaa18f39c274851c1'
/** The sandbox phone: the walk plays the called person itself (any other number reaches the simulated callee). */
export const CALLEE = '+15550100999'
export const GREETING = 'Hello from the conformance walk.'
export const CALLER_LINE = 'What are your opening hours?'
export const SMS_BODY = 'Your table is ready.'

export function emptyState(): WalkState {
  return { agentId: '', numberId: '', phoneNumber: '', callId: '', conversationId: '', webhookSecret: '', testDeliveryId: '' }
}

/** The HTTP status a failed call of either client carried; anything else is rethrown. */
export async function statusOf(run: () => Promise<unknown>): Promise<number> {
  try {
    await run()
  } catch (err) {
    if (err instanceof AgentPhoneError && err.statusCode !== undefined) return err.statusCode
    if (err instanceof ApiError) return err.status
    throw err
  }
  throw new Error('expected the request to fail')
}

/** An ISO time no more than a minute from now (catches epoch-seconds, stale or local-time stamps). */
export function expectRecent(iso: string | null | undefined, label: string): void {
  expect(iso, label).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/)
  expect(Math.abs(Date.parse(iso ?? '') - Date.now()), label).toBeLessThan(60_000)
}
