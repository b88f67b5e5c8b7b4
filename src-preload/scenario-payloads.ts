/**
 * What a scenario run reports, step by step: the same shapes feed the CLI's JSON report, the saved
 * baselines and the Scenarios view (over the bridge). Kept beside payloads.ts so the contract only
 * gains one re-export line.
 */
import { z } from 'zod'

export const FAULT_NAMES = ['badSignature', 'missingSignature', 'staleTimestamp', 'tamperedBody', 'malformedJson', 'duplicateId', 'timeout'] as const
export const FaultNameSchema = z.enum(FAULT_NAMES)
export type FaultName = z.infer<typeof FaultNameSchema>

/** What a voice reply can do besides speaking (agentphone-api.md §4.2). */
export const ACTION_NAMES = ['interim', 'transfer', 'hangup', 'digits'] as const
export const ReplyActionSchema = z.enum(ACTION_NAMES)
export type ReplyAction = z.infer<typeof ReplyActionSchema>

/** Things a real caller would suffer, reported even when no expectation names them. */
export const WARNING_CODES = ['not_an_object', 'no_final_line', 'digits_with_alias', 'slower_than_timeout', 'http_error', 'no_answer'] as const
export const ScenarioWarningSchema = z.object({ code: z.enum(WARNING_CODES), message: z.string() })
export type ScenarioWarning = z.infer<typeof ScenarioWarningSchema>

/** One expectation, checked: what was asked, what came back. */
export const ScenarioCheckSchema = z.object({
  name: z.string(),
  passed: z.boolean(),
  expected: z.string(),
  actual: z.string()
})
export type ScenarioCheck = z.infer<typeof ScenarioCheckSchema>

/** One line of a voice reply as AgentPhone read it; `spoken: false` lines were discarded (not an object). */
export const ReplyLineSchema = z.object({
  atMs: z.number(),
  raw: z.string(),
  spoken: z.boolean(),
  text: z.string(),
  interim: z.boolean(),
  digits: z.string().optional(),
  hangup: z.boolean(),
  action: z.string().optional()
})
export type ReplyLine = z.infer<typeof ReplyLineSchema>

export const StepRequestSchema = z.object({
  event: z.string(),
  channel: z.string(),
  webhookId: z.string(),
  /** The headers as sent; the signature is shown because it is a test delivery, never a real one. */
  headers: z.record(z.string(), z.string()),
  body: z.string()
})

export const StepResponseSchema = z.object({
  status: z.number().nullable(),
  contentType: z.string().nullable(),
  /** Until the response headers arrived. */
  firstByteMs: z.number().nullable(),
  /** Until the turn closed: the first final line, or the end of the body. */
  latencyMs: z.number().nullable(),
  lines: z.array(ReplyLineSchema),
  /** The body as text (voice NDJSON as the lines above), cut at 4 KiB. */
  body: z.string(),
  /** Connection refused, reset, or given up at the webhook timeout. */
  error: z.string().nullable()
})
export type StepResponse = z.infer<typeof StepResponseSchema>

export const StepResultSchema = z.object({
  index: z.number(),
  /** "turn 2: Thanks, bye" or "fault: badSignature". */
  label: z.string(),
  /** The scenario file's line of this step, for a report that points at it. */
  line: z.number().nullable(),
  caller: z.string().nullable(),
  fault: FaultNameSchema.nullable(),
  request: StepRequestSchema,
  response: StepResponseSchema,
  /** What the caller heard: every spoken line's text, joined. */
  reply: z.string(),
  actions: z.array(ReplyActionSchema),
  checks: z.array(ScenarioCheckSchema),
  warnings: z.array(ScenarioWarningSchema),
  passed: z.boolean()
})
export type StepResult = z.infer<typeof StepResultSchema>

export const ScenarioResultSchema = z.object({
  name: z.string(),
  file: z.string().nullable(),
  channel: z.enum(['voice', 'sms']),
  startedAt: z.string(),
  durationMs: z.number(),
  steps: z.array(StepResultSchema),
  passed: z.boolean()
})
export type ScenarioResult = z.infer<typeof ScenarioResultSchema>

/** A whole run; its JSON file is also what a later run reads as a baseline. */
export const RunResultSchema = z.object({
  webhookUrl: z.string(),
  startedAt: z.string(),
  durationMs: z.number(),
  passed: z.boolean(),
  scenarios: z.array(ScenarioResultSchema)
})
export type RunResult = z.infer<typeof RunResultSchema>

/** A scenario file that could not be read: where and why. */
export const ScenarioProblemSchema = z.object({
  file: z.string().nullable(),
  line: z.number().nullable(),
  column: z.number().nullable(),
  message: z.string()
})
export type ScenarioProblem = z.infer<typeof ScenarioProblemSchema>

export const SavedScenarioSchema = z.object({ name: z.string(), file: z.string(), modifiedAt: z.string(), hasBaseline: z.boolean() })
export type SavedScenario = z.infer<typeof SavedScenarioSchema>

/** Bridge events of a run in the app: each step as it starts and as it ends, then the whole run. */
export const ScenarioStepEventSchema = z.object({
  runId: z.string(),
  scenario: z.string(),
  index: z.number(),
  phase: z.enum(['sent', 'done']),
  label: z.string(),
  request: StepRequestSchema,
  result: StepResultSchema.nullable()
})
export const ScenarioFinishedEventSchema = z.object({ runId: z.string(), result: RunResultSchema.nullable(), error: z.string().nullable() })

// ---------------------------------------------------------------------------------------------
// Bridge commands and events of the Scenarios view (spread into contract.ts)

const ScenarioText = z.string().max(200_000, 'a scenario file is limited to 200 KB')
const ScenarioName = z.string().trim().min(1, 'give the scenario a name').max(120)
const RunId = z.string().min(1).max(100)

export const ResendResultSchema = z.object({
  url: z.string(),
  webhookId: z.string(),
  status: z.number().nullable(),
  latencyMs: z.number().nullable(),
  error: z.string().nullable(),
  body: z.string(),
  lines: z.array(ReplyLineSchema)
})
export type ResendResult = z.infer<typeof ResendResultSchema>

export const scenarioCommandParams = {
  'scenarios.list': z.strictObject({}),
  'scenarios.read': z.strictObject({ name: ScenarioName }),
  'scenarios.save': z.strictObject({ name: ScenarioName, text: ScenarioText }),
  'scenarios.delete': z.strictObject({ name: ScenarioName }),
  'scenarios.validate': z.strictObject({ text: ScenarioText }),
  /** Starts a run and answers its id at once; `scenario.step` / `scenario.finished` follow. */
  'scenarios.run': z.strictObject({
    text: ScenarioText,
    webhookUrl: z.string().url('the webhook URL must be a URL').max(2083),
    /** The secret the server verifies with; the documented test secret when absent. */
    secret: z.string().min(1).max(500).optional(),
    /** A saved scenario whose baseline the run is compared with, if it has one. */
    baselineOf: ScenarioName.optional(),
    maxLatencyIncrease: z.number().min(0).max(10_000).optional()
  }),
  'scenarios.stop': z.strictObject({ runId: RunId }),
  /** A finished (or live) call's transcript as scenario text. */
  'scenarios.fromCall': z.strictObject({ callId: z.string().min(1).max(200) }),
  'scenarios.saveBaseline': z.strictObject({ runId: RunId, name: ScenarioName }),
  /** Sends a delivery's (edited) body again, signed now with the current secret; to the receiver unless `url`. */
  'webhooks.resend': z.strictObject({
    deliveryId: z.string().min(1).max(200),
    body: z.string().min(1, 'the body is empty').max(1024 * 1024),
    url: z.string().url().max(2083).optional()
  })
} as const

export interface ScenarioCommandResults {
  'scenarios.list': { items: SavedScenario[] }
  'scenarios.read': { name: string; text: string }
  'scenarios.save': SavedScenario
  'scenarios.delete': Record<string, never>
  'scenarios.validate': { problems: ScenarioProblem[]; name: string | null; steps: number }
  'scenarios.run': { runId: string }
  'scenarios.stop': Record<string, never>
  'scenarios.fromCall': { name: string; text: string }
  'scenarios.saveBaseline': SavedScenario
  'webhooks.resend': ResendResult
}

export const scenarioEventSchemas = {
  'scenario.step': ScenarioStepEventSchema,
  'scenario.finished': ScenarioFinishedEventSchema
} as const
