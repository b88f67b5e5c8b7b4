import type { BridgeEvent, BridgeResult, Mode } from '../../src-preload/contract'
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
}

/** What both shells need of the core: one invoke, one event stream, one stop. */
export interface SessionLike {
  invoke(method: string, params: unknown): Promise<BridgeResult<unknown>>
  onEvent(listener: (event: BridgeEvent) => void): () => void
  stop(): Promise<void>
}
