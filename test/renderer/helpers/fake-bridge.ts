import type {
  AppStatus,
  BridgeResult,
  CallInfo,
  CommandName,
  CommandParams,
  CommandResult,
  CopilotStatus,
  EventData,
  EventName
} from '../../../src-preload/contract'
import type { BridgeClient, ConnectionState } from '../../../src-renderer/bridge/bridge-client'

type Responder<M extends CommandName> = (params: CommandParams<M>) => BridgeResult<CommandResult<M>> | CommandResult<M>
type Responders = { [M in CommandName]?: Responder<M> }

export const SANDBOX_STATUS: AppStatus = {
  mode: 'sandbox',
  version: '0.1.0',
  receiverUrl: 'http://127.0.0.1:4100/webhook',
  simulatorUrl: 'http://127.0.0.1:4200',
  baseUrl: null,
  sandbox: {
    agent: { id: 'agt_sandbox', name: 'Sandbox Agent', voiceMode: 'webhook' },
    number: { id: 'num_1', phoneNumber: '+14155550100' }
  },
  turnTimeoutSeconds: 25,
  startedAt: '2026-01-01T00:00:00.000Z',
  hasApiKey: false,
  tunnelUrl: null,
  notice: null,
  alertsMutedUntil: null
}

/** The copilot as a fresh install has it: off. */
export const COPILOT_OFF: CopilotStatus = {
  mode: 'off',
  baseUrl: '',
  model: '',
  hasKey: false,
  simulated: true,
  modelLabel: 'simulated model',
  notice: null,
  autopilotAgentIds: null,
  paused: false,
  takenOver: []
}

const DEFAULTS: Responders = {
  'copilot.status': () => COPILOT_OFF,
  'app.status': () => SANDBOX_STATUS,
  'calls.list': () => ({ items: [], total: 0 }),
  'turns.list': () => ({ items: [] }),
  'app.gaps': () => ({ items: [] }),
  'webhooks.deliveries': () => ({ items: [], total: 0 }),
  'calls.get': () => ({ ok: false, error: { code: 'not_found', message: 'no such call' } }),
  // The desktop window's answer: the local owner, no hub.
  'team.whoami': () => ({ id: 'owner', name: 'Owner', role: 'owner', local: true, hub: null }),
  'team.activity': () => ({ items: [] })
}

export interface FakeBridge extends BridgeClient {
  /** Every command the UI sent, in order. */
  invokes: Array<{ method: CommandName; params: unknown }>
  respond<M extends CommandName>(method: M, responder: Responder<M>): void
  emit<E extends EventName>(event: E, data: EventData<E>): void
  methods(): CommandName[]
  /** Moves the pretend link between states, as the WebSocket client would. */
  setConnection(state: ConnectionState): void
}

/** An in-memory bridge: records what the UI asks for and lets a test push events. */
export function fakeBridge(responders: Responders = {}): FakeBridge {
  const table: Responders = { ...DEFAULTS, ...responders }
  const handlers = new Map<string, Set<(d: unknown) => void>>()
  const invokes: FakeBridge['invokes'] = []
  const connListeners = new Set<(s: ConnectionState) => void>()
  let connection: ConnectionState = 'open'
  const bridge: FakeBridge = {
    transport: 'test',
    invokes,
    async invoke(method, params) {
      invokes.push({ method, params })
      const r = table[method] as Responder<typeof method> | undefined
      const out = r ? r(params) : {}
      const isResult = typeof out === 'object' && out !== null && 'ok' in out && typeof out.ok === 'boolean'
      return (isResult ? out : { ok: true, value: out }) as never
    },
    on(event, handler) {
      const set = handlers.get(event) ?? new Set()
      handlers.set(event, set)
      set.add(handler as (d: unknown) => void)
      return () => set.delete(handler as (d: unknown) => void)
    },
    respond(method, responder) {
      ;(table as Record<string, unknown>)[method] = responder
    },
    emit(event, data) {
      for (const h of handlers.get(event) ?? []) h(data)
    },
    methods: () => invokes.map((i) => i.method),
    connectionState: () => connection,
    onConnectionChange(listener) {
      connListeners.add(listener)
      return () => connListeners.delete(listener)
    },
    setConnection(state) {
      connection = state
      for (const l of connListeners) l(state)
    }
  }
  return bridge
}

let seq = 0
/** A live inbound call to the sandbox agent, started `agoMs` ago. */
export function makeCall(over: Partial<CallInfo> = {}, agoMs = 30_000): CallInfo {
  seq += 1
  return {
    id: `call_${seq}`,
    agentId: 'agt_sandbox',
    agentName: 'Sandbox Agent',
    voiceMode: 'webhook',
    direction: 'inbound',
    from: `+1415555${String(1000 + seq).slice(-4)}`,
    to: '+14155550100',
    status: 'in-progress',
    startedAt: new Date(Date.now() - agoMs).toISOString(),
    endedAt: null,
    lastWords: null,
    answeredBy: 'human',
    waitingTurn: null,
    ...over
  }
}

export const inSeconds = (s: number): string => new Date(Date.now() + s * 1000).toISOString()
