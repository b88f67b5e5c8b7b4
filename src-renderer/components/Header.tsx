import { FlaskConical, Phone, PlugZap, Radio, Wifi, WifiOff } from 'lucide-react'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../store/store-context'
import { MuteControl } from './attention/MuteControl'
import { AutopilotPause } from './AutopilotPause'
import { ShortcutSheet } from './ShortcutSheet'
import { ThemeMenu } from './ThemeMenu'
import { WhoChip } from './WhoChip'

const CONNECTION = {
  open: { word: 'Connected', Icon: Wifi, cls: 'ok' },
  connecting: { word: 'Connecting…', Icon: PlugZap, cls: 'pending' },
  reconnecting: { word: 'Reconnecting…', Icon: WifiOff, cls: 'bad' },
  offline: { word: 'Offline', Icon: WifiOff, cls: 'bad' },
  revoked: { word: 'Link revoked', Icon: WifiOff, cls: 'bad' },
  'no-token': { word: 'Not connected', Icon: WifiOff, cls: 'bad' },
  'token-refused': { word: 'Not connected', Icon: WifiOff, cls: 'bad' }
} as const

export function Header() {
  const { status, connection, panelOpen, togglePanel } = useAppStore(
    useShallow((s) => ({
      status: s.status,
      connection: s.connection,
      panelOpen: s.sandboxPanelOpen,
      togglePanel: s.toggleSandboxPanel
    }))
  )
  const conn = CONNECTION[connection]
  const sandbox = status?.mode === 'sandbox'
  // The badge is the obvious place to look for the mode, so it also leads to where it is changed.
  const openSettings = useAppStore((s) => s.openSettings)
  return (
    <header className="header">
      <span className="brand">
        <Radio size={16} aria-hidden="true" /> Switchboard
      </span>
      {status ? (
        <button
          type="button"
          className={`mode-badge mode-badge--${status.mode}`}
          aria-label={`Mode: ${sandbox ? 'Sandbox' : 'Live'}`}
          title="Change mode: Settings › Connection"
          onClick={() => openSettings('connection')}
        >
          {sandbox ? <FlaskConical size={13} aria-hidden="true" /> : <Radio size={13} aria-hidden="true" />}
          {sandbox ? 'Sandbox' : 'Live'}
        </button>
      ) : null}
      {/* Live only: where AgentPhone reaches this computer (the sandbox needs no address). */}
      {status && !sandbox ? (
        <span className="receiver" title={`AgentPhone sends calls and texts to ${status.tunnelUrl ?? 'your tunnel'}, which forwards them to ${status.receiverUrl}`}>
          <span className="muted">Calls and texts arrive at</span> <span className="mono">{status.tunnelUrl ?? status.receiverUrl}</span>
          {status.tunnelUrl ? null : <span className="muted"> (no tunnel set)</span>}
        </span>
      ) : null}
      <span className="header-spacer" />
      <AutopilotPause />
      <WhoChip />
      <span className={`connection connection--${conn.cls}`} role="status" aria-label={`Connection: ${conn.word}`}>
        <conn.Icon size={14} aria-hidden="true" />
        {conn.word}
      </span>
      {sandbox ? (
        <button type="button" className="button button--quiet" aria-pressed={panelOpen} onClick={togglePanel}>
          <Phone size={14} aria-hidden="true" /> Sandbox phone
        </button>
      ) : null}
      <MuteControl />
      <ShortcutSheet />
      <ThemeMenu />
    </header>
  )
}
