import { ConnectionBanner } from './components/ConnectionBanner'
import { Header } from './components/Header'
import { NavBar } from './components/NavBar'
import { Toasts } from './components/Toasts'
import { useGlobalKeys, useThemeAttribute } from './lib/app-effects'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore, useAppStoreApi } from './store/store-context'
import { MonitorView } from './views/monitor/MonitorView'
import { PlaceholderView } from './views/PlaceholderView'
import { SandboxPhone } from './views/sandbox/SandboxPhone'

/** The frame: header, navigation, the current view, and the sandbox phone docked on the right. */
export function App() {
  const store = useAppStoreApi()
  const { view, theme, showPhone } = useAppStore(
    useShallow((s) => ({
      view: s.view,
      theme: s.theme,
      showPhone: s.status?.mode === 'sandbox' && s.sandboxPanelOpen
    }))
  )
  useThemeAttribute(theme)
  useGlobalKeys(store)
  return (
    <div className={`app${showPhone ? ' app--with-phone' : ''}`}>
      <ConnectionBanner />
      <Header />
      <div className="app-body">
        <NavBar />
        <main className="main">{view === 'monitor' ? <MonitorView /> : <PlaceholderView view={view} />}</main>
        {showPhone ? <SandboxPhone /> : null}
      </div>
      <Toasts />
    </div>
  )
}
