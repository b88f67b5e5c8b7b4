import type { AppStatus, BridgeEvent, BridgeResult, CommandParams, Mode } from '../../src-preload/contract'
import { commandParams } from '../../src-preload/contract'
import { AlertMute } from './alert-mute'
import { memorySecrets, memoryStore, systemClock } from './ports'
import { startSession, type Session } from './session'
import type { SessionLike, SessionOptions } from './session-types'
import { BASE_URL_KEY, MODE_KEY, RECEIVER_PORT_KEY, TUNNEL_URL_KEY } from './live/keys'


/**
 * What both shells hold: the current Session, and the two commands that need a new one (switching
 * mode, changing where the receiver listens). Events of whichever session is current reach the same
 * listeners, so a renderer never re-subscribes.
 */
export class SessionHost implements SessionLike {
  private readonly listeners = new Set<(event: BridgeEvent) => void>()
  private current!: Session
  private unsubscribe: () => void = () => {}
  private notice: string | null = null

  private constructor(private readonly base: SessionOptions) {}

  /** Starts in `options.mode` when given, else the mode chosen last time; live without a key falls back to sandbox. */
  static async start(options: Omit<SessionOptions, 'mode'> & { mode?: Mode }): Promise<SessionHost> {
    const settings = options.settings ?? memoryStore()
    const secrets = options.secrets ?? memorySecrets()
    const mode = options.mode ?? settings.get<Mode>(MODE_KEY) ?? 'sandbox'
    // One mute for the host's lifetime: it survives mode switches, like the windows that set it.
    const alertMute = options.alertMute ?? new AlertMute(options.clock ?? systemClock)
    const host = new SessionHost({ ...options, settings, secrets, mode, alertMute })
    await host.restart(mode)
    return host
  }

  status(): AppStatus {
    const status = this.current.status()
    return { ...status, notice: this.notice ?? status.notice }
  }

  async invoke(method: string, params: unknown): Promise<BridgeResult<unknown>> {
    if (method === 'app.configure' || method === 'app.switchMode') {
      const parsed = commandParams[method].safeParse(params ?? {})
      if (!parsed.success) return { ok: false, error: { code: 'invalid_params', message: parsed.error.issues[0]?.message ?? 'invalid params' } }
      try {
        if (method === 'app.configure') await this.configure(parsed.data as CommandParams<'app.configure'>)
        else await this.switchMode((parsed.data as CommandParams<'app.switchMode'>).mode)
        const status = this.status()
        this.emit({ event: 'app.status', data: status })
        return { ok: true, value: status }
      } catch (err) {
        return { ok: false, error: { code: 'not_available', message: err instanceof Error ? err.message : String(err) } }
      }
    }
    if (method === 'app.status') return { ok: true, value: this.status() }
    return this.current.invoke(method, params)
  }

  onEvent(listener: (event: BridgeEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  async stop(): Promise<void> {
    this.unsubscribe()
    this.base.alertMute?.stop()
    await this.current.stop()
  }

  private emit(event: BridgeEvent): void {
    for (const listener of this.listeners) listener(event)
  }

  private async configure(p: CommandParams<'app.configure'>): Promise<void> {
    const { settings, secrets } = this.base
    if (p.apiKey !== undefined) secrets!.set('apiKey', p.apiKey ?? undefined)
    if (p.baseUrl !== undefined) settings!.set(BASE_URL_KEY, p.baseUrl)
    if (p.tunnelUrl !== undefined) settings!.set(TUNNEL_URL_KEY, p.tunnelUrl)
    const portChanged = p.receiverPort !== undefined && p.receiverPort !== settings!.get(RECEIVER_PORT_KEY)
    if (p.receiverPort !== undefined) settings!.set(RECEIVER_PORT_KEY, p.receiverPort)
    const liveChanged = this.current.status().mode === 'live' && (p.apiKey !== undefined || p.baseUrl !== undefined)
    if (portChanged || liveChanged) await this.restart(this.current.status().mode)
  }

  private async switchMode(mode: Mode): Promise<void> {
    if (mode === 'live' && !this.base.secrets!.get('apiKey')) {
      throw new Error('Live mode needs an AgentPhone API key: save one in Settings first.')
    }
    this.base.settings!.set(MODE_KEY, mode)
    await this.restart(mode)
  }

  /** Stops the current session (if any) before starting the next: they share the journal and ports. */
  private async restart(mode: Mode): Promise<void> {
    const { settings, secrets } = this.base
    if (this.current) {
      this.unsubscribe()
      await this.current.stop()
    }
    const options: SessionOptions = {
      ...this.base,
      mode,
      // An explicit port (a CLI flag, a test) wins over the one saved in Settings.
      receiver: { ...this.base.receiver, port: this.base.receiver?.port ?? settings!.get<number>(RECEIVER_PORT_KEY) ?? 0 },
      live: { baseUrl: settings!.get<string>(BASE_URL_KEY) ?? this.base.live?.baseUrl ?? 'https://api.agentphone.ai' }
    }
    this.notice = null
    if (mode === 'live' && !secrets!.get('apiKey')) {
      this.notice = 'Live mode needs an API key; Switchboard started in sandbox mode instead.'
      options.mode = 'sandbox'
    }
    try {
      this.current = await startSession(options)
    } catch (err) {
      if (options.mode === 'sandbox') throw err
      this.notice = `Live mode could not start (${err instanceof Error ? err.message : String(err)}); running in sandbox mode.`
      this.current = await startSession({ ...options, mode: 'sandbox' })
    }
    this.unsubscribe = this.current.onEvent((event) => this.emit(event))
  }
}

export function startSessionHost(options: Omit<SessionOptions, 'mode'> & { mode?: Mode }): Promise<SessionHost> {
  return SessionHost.start(options)
}
