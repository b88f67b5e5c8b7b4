import type { StoreApi } from 'zustand/vanilla'
import type { AppStatus, BridgeErrorPayload, BridgeResult, CallInfo, OpenTurn, TranscriptTurn } from '../../src-preload/contract'
import type { BridgeClient, ConnectionState } from '../bridge/bridge-client'
import type { AlertsSlice } from './alerts-slice'
import type { CopilotSlice } from './copilot-slice'
import type { DirectorySlice } from './directory-slice'
import type { RecordingsSlice } from './recordings-slice'
import type { UsageSlice } from './usage-slice'
import type { SupervisionSlice } from './supervision-types'
import type { MessagingState } from './messages-types'
import type { GapsSlice, SettingsSlice, WebhookConnectSlice, WebhooksSlice } from './webhooks-types'
import type { ScenariosSlice } from './scenarios-types'
import type { HistorySlice } from './history-slice'
import type { CallConfirmSlice } from './call-confirm-slice'
import type { UpdateSlice } from './update-slice'
import type { TeamSlice } from './team-slice'
import type { CallHistorySlice } from './call-history-types'

export type NavView = 'monitor' | 'messages' | 'agents' | 'numbers' | 'webhooks' | 'scenarios' | 'history' | 'usage' | 'settings'
export type ThemeChoice = 'system' | 'light' | 'dark'

export interface AppSlice {
  status: AppStatus | null
  connection: ConnectionState
  theme: ThemeChoice
  view: NavView
  sandboxPanelOpen: boolean
  guideDismissed: boolean
  /** Who this window's person is on a shared hub: sent with claims and replies, shown to others. */
  operator: string
  setOperator(name: string): void
  loadStatus(): Promise<void>
  setConnection(state: ConnectionState): void
  setTheme(theme: ThemeChoice): void
  setView(view: NavView): void
  /**
   * Forms with edits not saved yet, by key → what they are ("Voice turns"). Leaving the view
   * (or closing the page) while any is listed asks first; see leave-guard.ts.
   */
  unsaved: Record<string, string>
  setUnsaved(key: string, label: string | null): void
  /** A move away from the view held back by unsaved edits, until the person chooses. */
  pendingLeave: (() => void) | null
  /**
   * Runs `go` now, or holds it (true) when it would leave `to`'s view with edits unsaved.
   * `replacesForms`: the move takes the forms off the screen even within the view (History's note).
   */
  holdLeave(to: NavView, go: () => void, replacesForms?: boolean): boolean
  /** The person chose: leave (losing the edits) or stay. */
  resolveLeave(leave: boolean): void
  toggleSandboxPanel(): void
  dismissGuide(): void
}

export interface CallsSlice {
  calls: Record<string, CallInfo>
  /** Ids of ended calls, oldest first, so the kept history stays bounded. */
  endedOrder: string[]
  transcripts: Record<string, TranscriptTurn[]>
  turns: Record<string, OpenTurn>
  selectedCallId: string | null
  openCallId: string | null
  loadCalls(): Promise<void>
  loadTurns(): Promise<void>
  selectCall(callId: string | null): void
  openCall(callId: string): Promise<void>
  closeCall(): void
  endCall(callId: string): Promise<void>
  upsertCall(call: CallInfo): void
  markEnded(call: CallInfo): void
  addTranscriptLine(line: TranscriptTurn): void
  openTurn(turn: OpenTurn): void
  closeTurn(turnId: string): void
  /** `byId`: the person (hub link) holding it, so a window can tell its own claim from a namesake's. */
  claimTurn(turnId: string, by: string | null, byId?: string | null): void
}

export type HeardLine = { text: string; interim: boolean; digits?: string; hangup?: boolean; action?: string; at: number }
export type Ringing = { callId: string; from: string; to: string }

export interface SandboxSlice {
  heard: Record<string, HeardLine[]>
  /** The call the sandbox phone is on (dialled or answered). */
  phoneCallId: string | null
  /** The phone's most recent call, kept after it ends so "Caller hears" still shows it. */
  lastPhoneCallId: string | null
  ringing: Ringing | null
  dialing: boolean
  dial(to: string): Promise<void>
  say(text: string): Promise<boolean>
  press(digits: string): Promise<void>
  hangup(): Promise<void>
  answer(): Promise<void>
  decline(): Promise<void>
  addHeard(callId: string, line: HeardLine): void
  setRinging(ring: Ringing | null): void
  /** Empties the sandbox and makes its agent and number again; answers the refusal, if any. */
  resetSandbox(): Promise<BridgeErrorPayload | null>
}

export type ComposerNotice = { kind: 'too-late' | 'error' | 'sent'; text: string }

export interface DraftsSlice {
  /** Reply text per call's composer; see drafts-slice.ts for why per call and not per turn. */
  drafts: Record<string, string>
  notices: Record<string, ComposerNotice | undefined>
  sending: Record<string, boolean>
  setDraft(callId: string, text: string): void
  sendReply(callId: string, opts: { interim?: boolean; hangup?: boolean }): Promise<void>
  /** Keys pressed on the call; `endTurn` makes them the turn's answer, else the turn stays open. */
  sendDigits(callId: string, digits: string, opts: { endTurn: boolean; hangup: boolean }): Promise<boolean>
  /** Takes the call's waiting turn from the teammate holding it (the person confirmed); the refusal, if any. */
  takeOverTurn(callId: string): Promise<BridgeErrorPayload | null>
}

export type Toast = { id: number; kind: 'error' | 'info'; message: string }

export interface ToastsSlice {
  toasts: Toast[]
  pushToast(kind: Toast['kind'], message: string): void
  dismissToast(id: number): void
  /** Shows a refused command as a toast; returns the value when it succeeded. */
  report<T>(what: string, result: BridgeResult<T>): T | undefined
}

export type AppState = AppSlice & HistorySlice & CallHistorySlice & CallsSlice & RecordingsSlice & SandboxSlice & DraftsSlice & ToastsSlice & DirectorySlice & UsageSlice & WebhooksSlice & WebhookConnectSlice & GapsSlice & SettingsSlice & MessagingState & SupervisionSlice & ScenariosSlice & AlertsSlice & CopilotSlice & UpdateSlice & TeamSlice & CallConfirmSlice
export type AppStore = StoreApi<AppState>

/** Every slice gets the store's set/get plus the bridge: bridge calls live in actions only. */
export type SliceDeps = {
  set: AppStore['setState']
  get: AppStore['getState']
  bridge: BridgeClient
  storage: Pick<Storage, 'getItem' | 'setItem'> | null
}
