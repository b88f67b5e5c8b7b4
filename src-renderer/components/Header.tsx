import { FlaskConical, Laptop, Moon, Phone, PlugZap, Radio, Sun, Wifi, WifiOff } from 'lucide-react'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../store/store-context'
import { MuteControl } from './attention/MuteControl'
import { AutopilotPause } from './AutopilotPause'
import { ShortcutSheet } from './ShortcutSheet'
import { WhoChip } from './WhoChip'
import type { ThemeChoice } from '../store/types'

const NEXT_THEME: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' }
const THEME_WORD: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' }
const THEME_ICON = { system: Laptop, light: Sun, dark: Moon } as const

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
  const { status, connection, theme, setTheme, panelOpen, togglePanel } = useAppStore(
    useShallow((s) => ({
      status: s.status,
      connection: s.connection,
      theme: s.theme,
      setTheme: s.setTheme,
      panelOpen: s.sandboxPanelOpen,
      togglePanel: s.toggleSandboxPanel
    }))
  )
  const conn = CONNECTION[connection]
  const ThemeIcon = THEME_ICON[theme]
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
      {status ? (
        <span className="receiver" title="Where AgentPhone's webhooks arrive">
          <span className="muted">Receiver</span> <span className="mono">{status.receiverUrl}</span>
        </span>
      ) : null}
      {status?.tunnelUrl ? (
        <span className="receiver" title="The public URL AgentPhone posts to (your tunnel)">
          <span className="muted">Public</span> <span className="mono">{status.tunnelUrl}</span>
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
      <button
        type="button"
        className="button button--quiet"
        aria-label={`Theme: ${THEME_WORD[theme]} (switch to ${THEME_WORD[NEXT_THEME[theme]]})`}
        onClick={() => setTheme(NEXT_THEME[theme])}
      >
        <ThemeIcon size={14} aria-hidden="true" /> {THEME_WORD[theme]}
      </button>
    </header>
  )
}
