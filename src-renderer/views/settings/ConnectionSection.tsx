import { Info, Loader2 } from 'lucide-react'
import { useState } from 'react'
import type { CommandParams } from '../../../src-preload/contract'
import { useShallow } from 'zustand/react/shallow'
import { useUnsaved } from '../../lib/leave-guard'
import { useAppStore } from '../../store/store-context'
import { portOf } from '../webhooks/receiver-port'
import { ApiKeyField } from './ApiKeyField'
import { Field, SaveResult } from './Field'
import { ModeSwitch } from './ModeSwitch'
import { validateConnection, type ConnectionDraft, type Errors } from './settings-validation'

const DEFAULT_BASE_URL = 'https://api.agentphone.ai'

/** Mode, API key, base URL, receiver port and tunnel URL: everything `app.configure` and `app.switchMode` take. */
export function ConnectionSection() {
  const { status, busy, configure, local } = useAppStore(
    useShallow((s) => ({ status: s.status, busy: s.connectionBusy, configure: s.configure, local: s.me?.local !== false }))
  )
  const currentPort = portOf(status?.receiverUrl)
  const [draft, setDraft] = useState<ConnectionDraft>(() => ({
    baseUrl: status?.baseUrl ?? DEFAULT_BASE_URL,
    // Empty means "leave it": pinning the port the core happened to pick would be a surprise.
    receiverPort: '',
    tunnelUrl: status?.tunnelUrl ?? ''
  }))
  const [errors, setErrors] = useState<Errors<keyof ConnectionDraft>>({})
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)
  const edit = (k: keyof ConnectionDraft) => (v: string) => {
    setDraft((d) => ({ ...d, [k]: v }))
    setErrors((e) => ({ ...e, [k]: undefined }))
    setResult(null)
  }
  const changed =
    draft.baseUrl.trim() !== (status?.baseUrl ?? DEFAULT_BASE_URL) ||
    (draft.receiverPort.trim() !== '' && draft.receiverPort.trim() !== currentPort) ||
    (draft.tunnelUrl.trim() || null) !== (status?.tunnelUrl ?? null)
  useUnsaved('connection', 'Connection', changed)

  const save = async (): Promise<void> => {
    const found = validateConnection(draft)
    setErrors(found)
    if (Object.keys(found).length > 0) return setResult(null)
    const params: CommandParams<'app.configure'> = {}
    if (local && draft.baseUrl.trim() !== (status?.baseUrl ?? DEFAULT_BASE_URL)) params.baseUrl = draft.baseUrl.trim()
    if (draft.receiverPort.trim() && draft.receiverPort.trim() !== currentPort) params.receiverPort = Number(draft.receiverPort)
    const tunnel = draft.tunnelUrl.trim() || null
    if (tunnel !== (status?.tunnelUrl ?? null)) params.tunnelUrl = tunnel
    if (Object.keys(params).length === 0) return setResult({ ok: true, text: 'Nothing to save: these are the settings in use.' })
    const restarts = params.receiverPort !== undefined || (status?.mode === 'live' && params.baseUrl !== undefined)
    const error = await configure(params, restarts ? 'Saving… the core restarts to apply it.' : 'Saving…')
    setResult(error ? { ok: false, text: `Not saved: ${error}` } : { ok: true, text: 'Saved: the connection settings are in use.' })
  }

  return (
    <div className="st-body">
      <ModeSwitch />
      {busy ? (
        <p className="st-busy" role="status">
          <Loader2 size={14} aria-hidden="true" className="wh-spin" /> {busy}
        </p>
      ) : null}
      {status?.notice ? (
        <p className="st-notice" role="status">
          <Info size={14} aria-hidden="true" /> {status.notice}
        </p>
      ) : null}
      <ApiKeyField />
      <form
        className="st-form"
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
        noValidate
      >
        <Field
          label="Base URL"
          value={draft.baseUrl}
          onValue={edit('baseUrl')}
          error={errors.baseUrl}
          readOnly={!local}
          hint={
            local ? (
              'The AgentPhone API used in live mode (the vendor also serves https://api.agentphone.to). https:// or this computer only: your API key is sent there.'
            ) : (
              <>
                Set only on the hub’s own machine (<span className="mono">--base-url</span> or{' '}
                <span className="mono">AGENTPHONE_BASE_URL</span>): your API key is sent there, so no browser may change it.
              </>
            )
          }
          spellCheck={false}
        />
        <Field
          label="Port for incoming webhooks"
          inputMode="numeric"
          value={draft.receiverPort}
          onValue={edit('receiverPort')}
          error={errors.receiverPort}
          placeholder={currentPort}
          hint={<>AgentPhone’s webhooks (calls and texts) reach Switchboard here, through your tunnel; now <span className="mono">{status?.receiverUrl ?? '—'}</span>. Leave empty to keep it.</>}
        />
        <Field
          label="Public tunnel URL"
          value={draft.tunnelUrl}
          onValue={edit('tunnelUrl')}
          error={errors.tunnelUrl}
          placeholder="https://abc123.ngrok.app"
          hint="The public address of your tunnel (ngrok, cloudflared…) to that port; Webhooks › Connect tells AgentPhone about it."
          spellCheck={false}
        />
        <div className="st-actions">
          <button type="submit" className="button button--primary" disabled={Boolean(busy)}>
            Save connection
          </button>
          <SaveResult result={result} />
        </div>
      </form>
    </div>
  )
}
