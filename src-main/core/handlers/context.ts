import type { AppStatus, BridgeEvent, Mode, Settings } from '../../../src-preload/contract'
import type { AgentPhoneClient } from '../agentphone/client'
import type { Journal } from '../journal/journal'
import type { AgentDirectory } from '../live/agent-directory'
import type { CallBoard } from '../live/call-board'
import type { DeliveryLog } from '../live/delivery-log'
import type { Clock, KeyValueStore, Logger, SecretStore } from '../ports'
import type { SecretRing } from '../live/secret-ring'
import type { GapFinder } from '../live/gap-finder'
import type { HistoryKeeper } from '../live/history-keeper'
import type { HistoryService } from '../history/history-service'
import type { ReplyAuthors } from '../history/reply-authors'
import type { Receiver } from '../receiver/receiver'
import type { Simulator } from '../sim/simulator'
import type { TurnBroker } from '../turns/turn-broker'
import type { TransferOverrides } from '../live/transfer-overrides'

/** The sandbox account the in-process simulator runs for this session. */
export interface SandboxHandle {
  sim: Simulator
  apiKey: string
  agent: { id: string; name: string; voiceMode: 'webhook' | 'hosted' }
  number: { id: string; phoneNumber: string }
}

/** Everything a command handler may touch. Built once by the session; handlers keep no state. */
export interface SessionContext {
  mode: Mode
  clock: Clock
  logger: Logger
  board: CallBoard
  broker: TurnBroker
  receiver: Receiver
  api: AgentPhoneClient
  journal: Journal
  directory: AgentDirectory
  deliveries: DeliveryLog
  /** Retention and Clear history. */
  history: HistoryKeeper
  /** Every call afterwards: the journal's archive, search, notes (absent until the session built it). */
  afterwards?: HistoryService
  /** Who is sending the reply being written now, so the line carries the name. */
  replyAuthors: ReplyAuthors
  /** Agents whose transfer number a transfer changed, put back when their calls end. */
  transferOverrides: TransferOverrides
  sandbox: SandboxHandle | null
  /** Non-secret settings and state kept between starts. */
  store: KeyValueStore
  secrets: SecretStore
  /** The webhook secrets the receiver accepts now. */
  ring: SecretRing
  /** Live mode only: finds what arrived at AgentPhone while the receiver was not listening. */
  gaps: GapFinder | null
  /** Where a local ngrok agent lists its tunnels (tests point it elsewhere). */
  ngrokApiUrl?: string
  connectTimeoutMs?: number
  emit(event: BridgeEvent): void
  settings(): Settings
  updateSettings(patch: Partial<Settings>): Settings
  status(): AppStatus
  nowIso(): string
}
