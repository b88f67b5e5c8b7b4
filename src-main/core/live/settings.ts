import type { z } from 'zod'
import { SettingsSchema, type Settings } from '../../../src-preload/contract'
import { CoreError } from '../errors'
import type { KeyValueStore } from '../ports'

export const DEFAULT_SETTINGS: Settings = {
  fillerText: 'One moment, please.',
  fillerEnabled: true,
  fallbackText: "Sorry, I can't answer that right now. Someone will get back to you.",
  deadlineMarginSeconds: 3,
  webhookTimeoutSeconds: 30,
  quickReplies: ['One moment, let me check.', 'Could you repeat that, please?', 'Thank you for calling. Goodbye!'],
  notifications: { inboundCall: true, waitingTurn: true, sms: true },
  theme: 'system',
  historyRetentionDays: 90
}

const KEY = 'settings'

/**
 * Settings as the core reads them: the stored values over the defaults. A stored value that no
 * longer fits the schema (an older version, a hand edit) falls back to the default for that field
 * instead of refusing to start.
 */
export function readSettings(store: KeyValueStore): Settings {
  return overDefaults(SettingsSchema, DEFAULT_SETTINGS, store.get(KEY))
}

/** `stored` over `defaults`, field by field: a field that does not fit its schema keeps its default. */
export function overDefaults<S extends z.ZodObject>(schema: S, defaults: z.output<S>, stored: unknown): z.output<S> {
  const merged: Record<string, unknown> = { ...defaults }
  if (stored && typeof stored === 'object') {
    for (const [key, value] of Object.entries(stored)) {
      const field = schema.shape[key]
      if (field && field.safeParse(value).success) merged[key] = value
    }
  }
  return schema.parse(merged)
}

/**
 * Saves a change. Refused (nothing saved) when the deadline margin would not be shorter than the
 * webhook timeout: the fallback would then be due before the turn even opened, and callers would
 * hear only the fallback.
 */
export function writeSettings(store: KeyValueStore, patch: Partial<Settings>): Settings {
  const next = SettingsSchema.parse({ ...readSettings(store), ...patch })
  checkDeadline(next.deadlineMarginSeconds, next.webhookTimeoutSeconds)
  store.set(KEY, next)
  return next
}

/** Throws unless the margin leaves time for a person to answer inside the webhook timeout. */
export function checkDeadline(marginSeconds: number, timeoutSeconds: number): void {
  if (marginSeconds < timeoutSeconds) return
  throw new CoreError(
    'invalid_params',
    `The deadline margin (${marginSeconds} s) must be shorter than the webhook timeout (${timeoutSeconds} s): otherwise the fallback line is due before anyone can answer.`
  )
}
