import type { AppStatus, BridgeEvent, BridgeResult, CommandParams, Mode } from '../../src-preload/contract'
import { commandParams } from '../../src-preload/contract'
import { checkBaseUrl } from '../../src-preload/base-url-rule'
import { LOCAL_OWNER, type Caller } from '../../src-preload/command-roles'
import { DEFAULT_BASE_URL } from './agentphone/client'
import { AlertMute } from './alert-mute'
import { AuditLog } from './audit/audit-log'
import { auditFactFor } from './audit/audit-rules'
import { API_KEY_SECRET, BASE_URL_KEY, MODE_KEY, RECEIVER_PORT_KEY, TUNNEL_URL_KEY } from './live/keys'
import { memorySecrets, memoryStore, systemClock, type KeyValueStore, type SecretStore } from './ports'
import { startSession, type Session } from './session'
import type { SessionLike, SessionOptions } from './session-types'
import { DEFAULT_RECEIVER_PORT, PortTakenError, findFreePort } from './stable-ports'
import { environmentKey, startMode, withEnvironmentKey, type StartEnvironment } from './start-rules'

export interface SessionHostOptions extends Omit<SessionOptions, 'mode'> {
  /** A mode to start in whatever was saved (tests, a flag); otherwise the rules in start-rules.ts. */
  mode?: Mode
  /** The shell's environment: `AGENTPHONE_API_KEY` there wins over a stored key. */
  env?: StartEnvironment
}

/** What one session is started with. */
interface Plan {
  mode: Mode
  receiverPort: number
  /** The remembered port (not one the person just chose): the sandbox may take another if it is taken. */
  movable: boolean
  baseUrl: string
  /** The store the session reads the key from: the real one, or one with a key not yet saved. */
  secrets: SecretStore
}

type Launched = { session: Session; plan: Plan; notice: string | null }

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err))

/**
 * What both shells hold: the current Session, and the commands that need a new one (switching
 * mode, changing the receiver's port, a new key or base URL). Events of whichever session is
 * current reach the same listeners, so a renderer never re-subscribes.
 *
 * It cannot wedge: operations run one at a time (a queue), other commands wait for the one
 * running, and settings are saved only once the session they describe is up.
 */
export class SessionHost implements SessionLike {
  private readonly listeners = new Set<(event: BridgeEvent) => void>()
  private readonly settings: KeyValueStore
  private readonly secrets: SecretStore
  private current: Session | null = null
  private plan: Plan | null = null
  private lastStatus: AppStatus | null = null
  private unsubscribe: () => void = () => {}
  private notice: string | null = null
  private portConflict: AppStatus['portConflict'] = null
  /** The port given by the caller (a CLI flag, a test) until the person picks one in Settings. */
  private explicitPort: number | undefined
  private queue: Promise<unknown> = Promise.resolve()
  /** Set once stop() is called: operations asked for after that are refused. */
  private closing = false
  private stopping: Promise<void> | null = null
  /** A base URL that was refused by the rule at start (see allowedBaseUrl). */
  private baseUrlNotice: string | null = null

  private constructor(private readonly base: SessionHostOptions) {
    // One mute for the host's lifetime: it survives mode switches, like the windows that set it.
    this.base = {
      ...base,
      alertMute: base.alertMute ?? new AlertMute(base.clock ?? systemClock),
      // One trail for the host's lifetime, shared by every session it starts (and the hub's team commands).
      audit: base.audit ?? new AuditLog({ dir: base.dataDir, clock: base.clock ?? systemClock, logger: base.logger })
    }
    this.settings = base.settings ?? memoryStore()
    this.secrets = withEnvironmentKey(base.secrets ?? memorySecrets(), base.env)
    this.explicitPort = base.receiver?.port
  }

  static async start(options: SessionHostOptions): Promise<SessionHost> {
    const host = new SessionHost(options)
    await host.enqueue(() => host.boot())
    return host
  }

  status(): AppStatus {
    const status = this.current?.status() ?? this.lastStatus
    if (!status) throw new Error('the session host has not started')
    // The host's own notice (a fallback, a moved port) first; else the session's (a sandbox state file kept aside).
    return { ...status, notice: this.notice ?? this.baseUrlNotice ?? status.notice, portConflict: this.portConflict }
  }

  /** Runs a command for `caller` (the local owner when absent) and records it in the activity trail. */
  async invoke(method: string, params: unknown, caller?: Caller): Promise<BridgeResult<unknown>> {
    const result = await this.run(method, params, caller)
    const fact = auditFactFor(method, params, result)
    if (fact) void this.base.audit?.record(caller ?? LOCAL_OWNER, fact)
    return result
  }

  /** A person's last tab closed: the turns they held lapse (see turn-claims.ts). */
  personLeft(personId: string): void {
    this.current?.personLeft(personId)
  }

  private async run(method: string, params: unknown, caller: Caller | undefined): Promise<BridgeResult<unknown>> {
    if (method === 'app.configure' || method === 'app.switchMode') {
      const parsed = commandParams[method].safeParse(params ?? {})
      if (!parsed.success) return { ok: false, error: { code: 'invalid_params', message: parsed.error.issues[0]?.message ?? 'invalid params' } }
      const baseUrl = (parsed.data as CommandParams<'app.configure'>).baseUrl
      const verdict = baseUrl === undefined ? null : checkBaseUrl(baseUrl)
      if (verdict && !verdict.ok) return { ok: false, error: { code: 'invalid_params', message: verdict.message } }
      const result = await this.enqueue(async (): Promise<BridgeResult<unknown>> => {
        if (method === 'app.configure') await this.configure(parsed.data as CommandParams<'app.configure'>)
        else await this.switchMode((parsed.data as CommandParams<'app.switchMode'>).mode)
        return { ok: true, value: this.status() }
      }).catch((err: unknown): BridgeResult<unknown> => ({ ok: false, error: { code: 'not_available', message: message(err) } }))
      if (this.current) this.emit({ event: 'app.status', data: this.status() })
      return result
    }
    // Any other command waits for a switch in progress, then goes to the session it brought up.
    await this.queue
    if (method === 'app.status' && this.current) return { ok: true, value: this.status() }
    if (!this.current) return { ok: false, error: { code: 'not_available', message: this.notice ?? 'Switchboard is not running.' } }
    return this.current.invoke(method, params, caller)
  }

  onEvent(listener: (event: BridgeEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Stops after the operations already queued; later ones are refused. Safe to call twice. */
  stop(): Promise<void> {
    if (!this.stopping) {
      this.stopping = this.enqueue(async () => {
        this.base.alertMute?.stop()
        await this.release()
      })
      this.closing = true
    }
    return this.stopping
  }

  /** Runs `op` after every operation queued before it; a failed one does not block the next. */
  private enqueue<T>(op: () => Promise<T>): Promise<T> {
    if (this.closing) return Promise.reject(new Error('Switchboard is shutting down.'))
    const next = this.queue.then(op, op)
    this.queue = next.catch(() => undefined)
    return next
  }

  private emit(event: BridgeEvent): void {
    for (const listener of this.listeners) listener(event)
  }

  private async boot(): Promise<void> {
    const mode = startMode({
      explicit: this.base.mode,
      saved: this.settings.get<Mode>(MODE_KEY),
      environmentKey: environmentKey(this.base.env) !== undefined,
      storedKey: Boolean(this.base.secrets?.get(API_KEY_SECRET))
    })
    const plan = this.planFor(mode)
    try {
      this.adopt(await this.launch(plan))
    } catch (err) {
      if (plan.mode === 'sandbox') throw err
      // A first start that cannot go live still gives the person a working console.
      const why = await this.explainLiveFailure(plan, err)
      this.adopt(await this.launch(this.planFor('sandbox')))
      this.notice = `${why} Switchboard started in sandbox mode instead.`
    }
  }

  private async switchMode(mode: Mode): Promise<void> {
    if (mode === 'live' && !this.secrets.get(API_KEY_SECRET)) {
      throw new Error('Live mode needs an AgentPhone API key: save one in Settings first.')
    }
    await this.transition(this.planFor(mode), () => this.settings.set(MODE_KEY, mode))
  }

  private async configure(p: CommandParams<'app.configure'>): Promise<void> {
    if (p.tunnelUrl !== undefined) this.settings.set(TUNNEL_URL_KEY, p.tunnelUrl)
    const mode = this.plan?.mode ?? 'sandbox'
    const portChanged = p.receiverPort !== undefined && p.receiverPort !== this.plan?.receiverPort
    const liveChanged = mode === 'live' && (p.apiKey !== undefined || p.baseUrl !== undefined)
    const save = (): void => {
      if (p.apiKey !== undefined) this.secrets.set(API_KEY_SECRET, p.apiKey ?? undefined)
      if (p.baseUrl !== undefined) this.settings.set(BASE_URL_KEY, p.baseUrl)
      if (p.receiverPort !== undefined) {
        this.settings.set(RECEIVER_PORT_KEY, p.receiverPort)
        this.explicitPort = undefined
      }
    }
    if (!portChanged && !liveChanged) return save()
    if (mode === 'live' && p.apiKey === null) throw new Error('Live mode needs an API key: switch to sandbox mode before removing it.')
    // The new key is tried before it is saved; a key in the environment still wins over it.
    const pending = p.apiKey && !environmentKey(this.base.env) ? overlayKey(this.secrets, p.apiKey) : this.secrets
    const plan: Plan = {
      ...this.planFor(mode),
      ...(p.receiverPort !== undefined ? { receiverPort: p.receiverPort, movable: false } : {}),
      ...(p.baseUrl !== undefined ? { baseUrl: p.baseUrl } : {}),
      secrets: pending
    }
    await this.transition(plan, save)
  }

  /**
   * Replaces the running session with one started from `next`. The old session stops *first*: the
   * two would share the journal (two writers would hand out the same sequence numbers and interleave
   * lines in one file) and the receiver's port (the tunnel forwards to exactly one). So "bring the
   * new one up before letting the old one go" is done the safe way round: the old one lets go,
   * the new one starts on the same journal, and if it cannot, the old one is started again from the
   * plan it ran with. `commit` (saving the settings) runs only once the new session is up.
   */
  private async transition(next: Plan, commit: () => void): Promise<void> {
    const previous = this.plan
    await this.release()
    let launched: Launched
    try {
      launched = await this.launch(next)
    } catch (err) {
      const why = next.mode === 'live' ? await this.explainLiveFailure(next, err) : `The change could not be applied: ${message(err)}`
      await this.restore(previous, why)
      throw new Error(why)
    }
    this.adopt(launched)
    if (next.mode === 'live') this.portConflict = null
    commit()
  }

  /** Brings back the session that ran before a failed change; the sandbox on any port if even that fails. */
  private async restore(previous: Plan | null, why: string): Promise<void> {
    const candidates = [previous, { ...this.planFor('sandbox'), receiverPort: 0, movable: false }].filter((p): p is Plan => p !== null)
    for (const plan of candidates) {
      try {
        this.adopt(await this.launch(plan))
        this.notice = `${why} Switchboard is back in ${plan.mode} mode.`
        return
      } catch (err) {
        this.notice = `${why} Restarting ${plan.mode} mode failed too: ${message(err)}`
      }
    }
  }

  /** What to tell the person when live mode could not start; a taken port is offered a way out. */
  private async explainLiveFailure(plan: Plan, err: unknown): Promise<string> {
    if (err instanceof PortTakenError) {
      const host = this.base.receiver?.host ?? '127.0.0.1'
      const suggestion = await findFreePort(host, err.port)
      this.portConflict = { port: err.port, suggestion }
      return (
        `Live mode needs the receiver on port ${err.port}, where your tunnel forwards, but another program holds it. ` +
        `Free the port and try live mode again${suggestion ? `, or move the receiver to port ${suggestion} and point your tunnel there` : ''}.`
      )
    }
    return `Live mode could not start (${message(err)}).`
  }

  /** Starts a session for `plan`; the sandbox takes any free port when its remembered one is taken. */
  private async launch(plan: Plan): Promise<Launched> {
    if (plan.mode === 'live' && !plan.secrets.get(API_KEY_SECRET)) {
      const sandbox = { ...plan, mode: 'sandbox' as const }
      const launched = await this.launch(sandbox)
      return { ...launched, notice: 'Live mode needs an API key; Switchboard started in sandbox mode instead.' }
    }
    try {
      return { session: await startSession(this.optionsFor(plan)), plan, notice: null }
    } catch (err) {
      if (!(err instanceof PortTakenError) || plan.mode !== 'sandbox' || !plan.movable) throw err
      const moved: Plan = { ...plan, receiverPort: 0, movable: false }
      const session = await startSession(this.optionsFor(moved))
      const port = new URL(session.status().receiverUrl).port
      // Not remembered: the remembered port is the one a live tunnel forwards to.
      return { session, plan: moved, notice: `Receiver port ${plan.receiverPort} is taken by another program, so the sandbox's receiver uses port ${port} this time.` }
    }
  }

  private adopt({ session, plan, notice }: Launched): void {
    this.current = session
    // The port actually bound (port 0 took any): a restore comes back on the same address.
    this.plan = { ...plan, receiverPort: Number(new URL(session.status().receiverUrl).port) }
    this.notice = notice
    this.lastStatus = session.status()
    // The session's own status events (journal health) go out with the host's notice added.
    this.unsubscribe = session.onEvent((event) => this.emit(event.event === 'app.status' ? { event: 'app.status', data: this.status() } : event))
  }

  /** Stops the current session and waits until its journal writer, ports and simulator are released. */
  private async release(): Promise<void> {
    const session = this.current
    if (!session) return
    this.lastStatus = session.status()
    this.unsubscribe()
    this.unsubscribe = () => {}
    this.current = null
    await session.stop()
  }

  private planFor(mode: Mode): Plan {
    return {
      mode,
      receiverPort: this.explicitPort ?? this.settings.get<number>(RECEIVER_PORT_KEY) ?? DEFAULT_RECEIVER_PORT,
      movable: this.explicitPort === undefined,
      baseUrl: this.allowedBaseUrl(),
      secrets: this.secrets
    }
  }

  /**
   * The saved base URL, else the shell's, else AgentPhone's, whichever first passes the rule
   * (base-url-rule.ts): a value saved by an older version, or edited by hand, that would send the
   * key in clear or off this machine is never used, and the notice says so.
   */
  private allowedBaseUrl(): string {
    for (const candidate of [this.settings.get<string>(BASE_URL_KEY), this.base.live?.baseUrl]) {
      if (candidate === undefined) continue
      const verdict = checkBaseUrl(candidate)
      if (verdict.ok) return verdict.url
      this.baseUrlNotice = `${verdict.message} It was not used.`
    }
    return DEFAULT_BASE_URL
  }

  private optionsFor(plan: Plan): SessionOptions {
    return {
      ...this.base,
      mode: plan.mode,
      settings: this.settings,
      secrets: plan.secrets,
      receiver: { ...this.base.receiver, port: plan.receiverPort },
      live: { baseUrl: plan.baseUrl }
    }
  }
}

/** A secret store that answers `key` for the API key before it is saved (saved once the session is up). */
function overlayKey(secrets: SecretStore, key: string): SecretStore {
  return { get: (name) => (name === API_KEY_SECRET ? key : secrets.get(name)), set: (name, value) => secrets.set(name, value) }
}

export function startSessionHost(options: SessionHostOptions): Promise<SessionHost> {
  return SessionHost.start(options)
}
