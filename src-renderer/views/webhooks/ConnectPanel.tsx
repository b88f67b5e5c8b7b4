import { Loader2, Radar, Webhook } from 'lucide-react'
import { useEffect } from 'react'
import type { FormEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../../store/store-context'
import { ConnectOutcome } from './ConnectOutcome'
import { ConnectProgress } from './ConnectProgress'
import { portOf } from './receiver-port'
import { RegistrationCard } from './RegistrationCard'
import { ReplaceDialog } from './ReplaceDialog'

/** Live mode: register the tunnel's public URL with AgentPhone and prove the round trip. */
export function ConnectPanel() {
  const s = useAppStore(
    useShallow((st) => ({
      form: st.connectForm,
      errors: st.connectFormErrors,
      step: st.connectStep,
      outcome: st.connectOutcome,
      agents: st.scopeAgents,
      hint: st.tunnelHint,
      detecting: st.detecting,
      receiverPort: st.webhookStatus ? String(st.webhookStatus.receiverPort) : portOf(st.status?.receiverUrl),
      setForm: st.setConnectForm,
      load: st.loadWebhookSetup,
      detect: st.detectTunnel,
      connect: st.startConnect
    }))
  )
  const { load } = s
  useEffect(() => {
    void load()
  }, [load])

  const busy = s.step === 'checking' || s.step === 'registering' || s.step === 'waiting' || s.step === 'confirm'
  const submit = (e: FormEvent): void => {
    e.preventDefault()
    if (!busy) void s.connect()
  }
  const err = (k: keyof typeof s.errors) =>
    s.errors[k] ? (
      <span id={`wh-${k}-error`} className="wh-error" role="alert">
        {s.errors[k]}
      </span>
    ) : null
  const described = (k: keyof typeof s.errors, hint?: string) => [s.errors[k] ? `wh-${k}-error` : '', hint ?? ''].filter(Boolean).join(' ') || undefined

  return (
    <div className="wh-connect">
      <RegistrationCard />
      <form className="wh-card" aria-labelledby="wh-connect-heading" onSubmit={submit} noValidate>
        <h2 id="wh-connect-heading" className="wh-card-title">
          Connect your tunnel
        </h2>
        <p className="muted small">
          Run a tunnel (ngrok, cloudflared, …) to the receiver on port <span className="mono">{s.receiverPort}</span>, paste its public URL,
          and Connect: Switchboard registers it, keeps the signing secret, and asks AgentPhone for a test delivery.
        </p>
        <label className="wh-label" htmlFor="wh-url">
          Tunnel URL
        </label>
        <div className="wh-inline">
          <input
            id="wh-url"
            className="mono wh-grow"
            value={s.form.url}
            placeholder="https://abc123.ngrok.app"
            spellCheck={false}
            aria-invalid={Boolean(s.errors.url)}
            aria-describedby={described('url', s.hint ? 'wh-tunnel-hint' : undefined)}
            onChange={(e) => s.setForm({ url: e.target.value })}
          />
          <button type="button" className="button" disabled={s.detecting} onClick={() => void s.detect()}>
            {s.detecting ? <Loader2 size={13} aria-hidden="true" className="wh-spin" /> : <Radar size={13} aria-hidden="true" />}
            Detect ngrok
          </button>
        </div>
        {err('url')}
        {s.hint ? (
          <p id="wh-tunnel-hint" className={s.hint.ok ? 'small' : 'small wh-warn'} role="status">
            {s.hint.text}
          </p>
        ) : null}
        <div className="wh-grid">
          <label className="wh-field">
            <span>Scope</span>
            <select
              value={s.form.agentId}
              onChange={(e) => {
                s.setForm({ agentId: e.target.value })
                void s.load()
              }}
            >
              <option value="">Project (every agent)</option>
              {s.agents.map((a) => (
                <option key={a.id} value={a.id}>
                  Agent: {a.name}
                </option>
              ))}
            </select>
          </label>
          <label className="wh-field">
            <span>Context limit</span>
            <input
              className="mono"
              inputMode="numeric"
              value={s.form.contextLimit}
              placeholder="10"
              aria-invalid={Boolean(s.errors.contextLimit)}
              aria-describedby={described('contextLimit')}
              onChange={(e) => s.setForm({ contextLimit: e.target.value })}
            />
          </label>
          <label className="wh-field">
            <span>Timeout (seconds)</span>
            <input
              className="mono"
              inputMode="numeric"
              value={s.form.timeout}
              placeholder="30"
              aria-invalid={Boolean(s.errors.timeout)}
              aria-describedby={described('timeout')}
              onChange={(e) => s.setForm({ timeout: e.target.value })}
            />
          </label>
        </div>
        {err('contextLimit')}
        {err('timeout')}
        <div className="wh-card-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? <Loader2 size={13} aria-hidden="true" className="wh-spin" /> : <Webhook size={13} aria-hidden="true" />}
            {busy ? 'Connecting…' : 'Connect'}
          </button>
        </div>
        <ConnectProgress step={s.step} receiverPort={s.receiverPort} />
        {s.outcome && s.step === 'done' ? <ConnectOutcome outcome={s.outcome} receiverPort={s.receiverPort} /> : null}
      </form>
      <ReplaceDialog />
    </div>
  )
}
