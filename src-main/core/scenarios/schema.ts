/**
 * The scenario file format (YAML, see README "switchboard test"). Strict objects, so a misspelt key
 * is an error at its line rather than an expectation that silently never runs.
 */
import { z } from 'zod'
import { FaultNameSchema, ReplyActionSchema } from '../../../src-preload/scenario-payloads'

const Regex = z.string().refine(
  (source) => {
    try {
      new RegExp(source, 'i')
      return true
    } catch {
      return false
    }
  },
  { message: 'not a valid regular expression' }
)

/** 401, [400, 401] or a class such as "4xx". */
export const StatusExpectation = z.union([
  z.number().int().min(100).max(599),
  z.array(z.number().int().min(100).max(599)).min(1),
  z.string().regex(/^[1-5]xx$/, 'a status class is written like "4xx"')
])
export type StatusExpectation = z.infer<typeof StatusExpectation>

export const ExpectSchema = z.strictObject({
  /** A regular expression, case-insensitive, searched in everything the caller heard. */
  replyMatches: Regex.optional(),
  /** Exactly these actions, in any order ([] = none of them). */
  actions: z.array(ReplyActionSchema).optional(),
  forbiddenActions: z.array(ReplyActionSchema).optional(),
  /** Until the turn closed (its final line). */
  maxLatencyMs: z.number().int().positive().optional(),
  status: StatusExpectation.optional()
})
export type Expect = z.infer<typeof ExpectSchema>

const Utterance = z.string().min(1, 'say something').max(2000)
const Digits = z.string().regex(/^[0-9*#]+$/, 'digits may only hold 0-9, * and #').max(32)

export const CallerStepSchema = z.strictObject({
  caller: Utterance,
  /** Keys the caller pressed with this utterance. */
  digits: Digits.optional(),
  expect: ExpectSchema.optional()
})

export const FaultStepSchema = z.strictObject({
  fault: FaultNameSchema,
  /** What the forged or abandoned delivery says (a probe line by default). */
  caller: Utterance.optional(),
  /** `timeout` only: how long AgentPhone waits before it gives up on the request. */
  afterMs: z.number().int().min(1).max(120_000).optional(),
  expect: ExpectSchema.optional()
})

export const StepSchema = z.union([CallerStepSchema, FaultStepSchema])
export type CallerStep = z.infer<typeof CallerStepSchema>
export type FaultStep = z.infer<typeof FaultStepSchema>
export type Step = CallerStep | FaultStep

const Phone = z.string().regex(/^\+[1-9]\d{1,14}$/, 'a phone number in E.164, e.g. "+15551234567"')

export const ScenarioSchema = z
  .strictObject({
    name: z.string().min(1).max(200),
    channel: z.enum(['voice', 'sms']).default('voice'),
    description: z.string().max(2000).optional(),
    /** The caller (or texter) and the agent's number. */
    from: Phone.optional(),
    to: Phone.optional(),
    /** As registered with AgentPhone: its timeout (5–120 s) and how many turns of history it sends. */
    webhook: z
      .strictObject({
        timeoutSeconds: z.number().int().min(5).max(120).optional(),
        contextLimit: z.number().int().min(0).max(50).optional()
      })
      .optional(),
    /** The conversation's stored metadata, sent as `conversationState`. */
    conversationState: z.record(z.string(), z.unknown()).nullable().optional(),
    turns: z.array(StepSchema).min(1, 'a scenario needs at least one turn')
  })
  .superRefine((s, ctx) => {
    s.turns.forEach((step, i) => {
      const e = step.expect
      // An SMS answer goes out through the REST API, not in the webhook's response body.
      if (s.channel === 'sms' && e && (e.replyMatches !== undefined || e.actions !== undefined || e.forbiddenActions !== undefined)) {
        ctx.addIssue({ code: 'custom', path: ['turns', i, 'expect'], message: 'an SMS webhook answers with a status only (replies go through the REST API): expect status or maxLatencyMs' })
      }
      if (!('fault' in step)) return
      if (step.fault === 'duplicateId' && i === 0) {
        ctx.addIssue({ code: 'custom', path: ['turns', i, 'fault'], message: 'duplicateId resends the step before it, so it cannot come first' })
      }
      if (step.afterMs !== undefined && step.fault !== 'timeout') {
        ctx.addIssue({ code: 'custom', path: ['turns', i, 'afterMs'], message: 'afterMs only applies to the timeout fault' })
      }
    })
  })
export type Scenario = z.infer<typeof ScenarioSchema>

export const isFault = (step: Step): step is FaultStep => 'fault' in step
