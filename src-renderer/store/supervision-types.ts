import type { Agent, CallInfo } from '../../src-preload/contract'

/** A turn that closed without a person's answer, shown inline in the transcript. */
export type TurnClosure = { turnId: string; callId: string; outcome: 'fallback' | 'cancelled'; at: string }

/** The browser's notification permission, or 'unsupported' where there is no Notification API. */
export type NotifyPermission = 'default' | 'granted' | 'denied' | 'unsupported'

/**
 * Live supervision: agents behind calls, closures, notification permission. The
 * core's settings (quick replies, notification switches) live in the settings slice.
 */
export interface SupervisionSlice {
  /** Agents looked up for open calls (transfer number); null means looked up and not found. */
  callAgents: Record<string, Agent | null>
  /** Ended calls that stay on the live board a little longer: call id → when they leave (ms). */
  lingering: Record<string, number>
  closures: Record<string, TurnClosure[]>
  notifyPermission: NotifyPermission
  answererPending: Record<string, boolean>
  loadCallAgent(agentId: string): Promise<void>
  setAnswerer(callId: string, answeredBy: CallInfo['answeredBy']): Promise<void>
  /** Transfers to `to` (E.164), or to the agent's own transfer number when null. */
  transferCall(callId: string, to: string | null): Promise<boolean>
  /** Sends a quick reply as the turn's answer, or puts it in the box while no turn waits. */
  sendQuickReply(callId: string, text: string, hangup: boolean): Promise<void>
  addClosure(closure: TurnClosure): void
  linger(callId: string, until: number): void
  unlinger(callId: string): void
  setNotifyPermission(permission: NotifyPermission): void
}
