import type { BridgeEvent, BridgeResult, Mode } from '../../src-preload/contract'
import type { Caller } from '../../src-preload/command-roles'
import type { AuditLog } from './audit/audit-log'
import type { AlertMute } from './alert-mute'
import type { JournalOptions } from './journal/journal'
import type { ConnectChat } from './copilot/chat-client'
import type { Clock, KeyValueStore, Logger, SecretStore } from './ports'

/** How a shell starts the core. Every outside thing comes in here; nothing is read from globals. */
export interface SessionOptions {
  mode: Mode
  /** Where the journal and other durable files live (a temp folder in tests). */
  dataDir: string
  clock?: Clock
  logger?: Logger
  settings?: KeyValueStore
  secrets?: SecretStore
  /** The webhook receiver binds here; port 0 takes any free port. Host defaults to 127.0.0.1. */
  receiver?: { host?: string; port?: number }
  /** Live mode: where AgentPhone is (the API key comes from `secrets` under `apiKey`). */
  live?: { baseUrl: string }
  /** Sandbox mode: where the in-process simulator listens (port 0 by default). */
  simulator?: { port?: number }
  version?: string
  /** Where a local ngrok agent lists its tunnels; default http://127.0.0.1:4040/api/tunnels. */
  ngrokApiUrl?: string
  /** How long `webhooks.connect` waits for the test delivery to arrive; default 8 s. */
  connectTimeoutMs?: number
  /** The shell's most recent log lines, for app.diagnostics (secrets are redacted there). */
  recentLogLines?: () => string[]
  /** Whether alerts are muted; the session host hands every session the same one. */
  alertMute?: AlertMute
  /** How the journal makes a write durable (default fdatasync); tests hold or fail it. */
  journalSync?: JournalOptions['sync']
  /** How the copilot reaches a model; default the official `openai` SDK. */
  copilotConnect?: ConnectChat
  /** The activity trail (who did what); the session host hands every session the same one. */
  audit?: AuditLog
  /** How long a claim on a turn lasts without typing from its holder (default 10 s). */
  claimIdleMs?: number
}

/** What both shells need of the core: one invoke, one event stream, one stop. */
export interface SessionLike {
  /**
   * Runs a command. `caller` is the person behind it (a hub link's name and role); without one the
   * call is the hub's own machine (the desktop window, the core itself): the local owner.
   */
  invoke(method: string, params: unknown, caller?: Caller): Promise<BridgeResult<unknown>>
  /** A person's last connection closed: the turns they claimed lapse at once. */
  personLeft?(personId: string): void
  onEvent(listener: (event: BridgeEvent) => void): () => void
  stop(): Promise<void>
}
