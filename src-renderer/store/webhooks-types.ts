import type { AppStatus, CommandParams, CommandResult, Delivery, DeliverySummary, Gap, Settings, WebhookStatus } from '../../src-preload/contract'
import type { DeliveryFilter } from './delivery-filter'

/** The Webhooks inspector: what the receiver saw, filtered, selected, replayed. */
export interface WebhooksSlice {
  /** Newest first, as the core returns them; live rows are merged in by id. Summaries: no headers, body or lines. */
  deliveries: DeliverySummary[]
  deliveriesTotal: number
  deliveriesLoading: boolean
  deliveriesLoaded: boolean
  deliveryFilter: DeliveryFilter
  selectedDeliveryId: string | null
  /** The selected delivery in full (headers, body, NDJSON lines), fetched when it is opened. */
  openedDelivery: OpenedDelivery | null
  replayingId: string | null
  /** An export in progress: full deliveries fetched so far, of how many. */
  exportProgress: { done: number; total: number } | null
  loadDeliveries(): Promise<void>
  setDeliveryFilter(patch: Partial<DeliveryFilter>): void
  upsertDelivery(d: DeliverySummary | Delivery): void
  selectDelivery(id: string | null): void
  /** Fetches the selected delivery in full again (after a failure, or when it changed). */
  loadDeliveryDetail(id: string): Promise<void>
  /** `allowUnverified`: the person confirmed replaying a delivery that was refused. */
  replayDelivery(id: string, allowUnverified?: boolean): Promise<Delivery | null>
  /** Every delivery the filter matches, in full, fetched page by page; null when it failed (a toast says why). */
  exportDeliveries(): Promise<Delivery[] | null>
}

export type OpenedDelivery = { id: string; delivery: Delivery | null; error: string | null }

export type ConnectOutcome = CommandResult<'webhooks.connect'>
/** Where the Connect flow stands; `confirm` waits for the person to accept replacing a foreign URL. */
export type ConnectStep = 'idle' | 'checking' | 'confirm' | 'registering' | 'waiting' | 'done'

/** What the person typed in the Connect form, kept in the store so an error or a view change loses nothing. */
export type ConnectForm = { url: string; agentId: string; contextLimit: string; timeout: string }
export type ConnectFormErrors = Partial<Record<keyof ConnectForm, string>>

export interface WebhookConnectSlice {
  connectForm: ConnectForm
  connectFormErrors: ConnectFormErrors
  connectStep: ConnectStep
  connectOutcome: ConnectOutcome | null
  /** The registration the confirm step is about to replace. */
  replacing: WebhookStatus | null
  webhookStatus: WebhookStatus | null
  webhookStatusError: string | null
  scopeAgents: Array<{ id: string; name: string }>
  tunnelHint: { ok: boolean; text: string } | null
  detecting: boolean
  disconnecting: boolean
  disconnectNote: string | null
  loadWebhookSetup(): Promise<void>
  setConnectForm(patch: Partial<ConnectForm>): void
  detectTunnel(): Promise<void>
  /** Validates, checks what is registered now, and either connects or stops at `confirm`. */
  startConnect(): Promise<void>
  confirmConnect(): Promise<void>
  cancelConnect(): void
  disconnect(restorePrevious: boolean): Promise<boolean>
}

export interface GapsSlice {
  gaps: Gap[]
  dismissedGapIds: string[]
  loadGaps(): Promise<void>
  addGap(gap: Gap): void
  dismissGaps(): void
}

export type SettingsSectionId = 'connection' | 'voice' | 'quick-replies' | 'notifications' | 'history' | 'appearance' | 'operator' | 'alerts' | 'sandbox' | 'copilot' | 'team'

export interface SettingsSlice {
  settings: Settings | null
  settingsLoadError: string | null
  /** Which section the Settings view should bring into view (the header's mode badge asks for Connection). */
  settingsFocus: SettingsSectionId | null
  /** A long connection action in progress, in words ("Switching to live mode…"). */
  connectionBusy: string | null
  loadSettings(): Promise<void>
  /** Saves a patch; answers the refusal's message, or null when it was saved. */
  saveSettings(patch: CommandParams<'settings.update'>): Promise<string | null>
  configure(params: CommandParams<'app.configure'>, busy: string): Promise<string | null>
  switchMode(mode: AppStatus['mode']): Promise<string | null>
  openSettings(section: SettingsSectionId): void
  clearSettingsFocus(): void
}
