import type { Settings } from '../../../src-preload/contract'

/** The core's settings as settings.get answers them, with the parts a test cares about changed. */
export function makeSettings(over: Partial<Settings> = {}): Settings {
  return {
    fillerText: 'One moment, please.',
    fillerEnabled: true,
    fallbackText: 'Sorry, someone will get back to you.',
    deadlineMarginSeconds: 3,
    webhookTimeoutSeconds: 30,
    quickReplies: [],
    notifications: { inboundCall: true, waitingTurn: true, sms: true },
    theme: 'system',
    historyRetentionDays: 90,
    ...over
  }
}
