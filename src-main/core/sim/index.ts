/** The simulator's public surface. */
export { Simulator, SANDBOX_AGENT_NAME } from './simulator'
export type { SandboxAccount } from './simulator'
export type { SandboxPhone } from './sandbox-phone'
export type { CallEvent, HeardEvent, RingEvent, SimulatorEvents, SimulatorOptions, SmsEvent, WebhookRec } from './types'
export { DEFAULT_RETRY_DELAYS_MS, MAX_ATTEMPTS } from './deliveries'
export { SANDBOX_CONTACT } from './ids'
