import { ConnectionBanner } from './components/ConnectionBanner'
import { Header } from './components/Header'
import { NavBar } from './components/NavBar'
import { Toasts } from './components/Toasts'
import { UpdateBanner } from './components/UpdateBanner'
import { useGlobalKeys, useThemeAttribute } from './lib/app-effects'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore, useAppStoreApi } from './store/store-context'
import { PlaceholderView } from './views/PlaceholderView'
import { VIEWS } from './views/registry'
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
  const View = VIEWS[view]
  useThemeAttribute(theme)
  useGlobalKeys(store)
  return (
    <div className={`app${showPhone ? ' app--with-phone' : ''}`}>
      <ConnectionBanner />
      <UpdateBanner />
      <Header />
      <div className="app-body">
        <NavBar />
        <main className="main">{View ? <View /> : <PlaceholderView view={view as Exclude<typeof view, 'monitor'>} />}</main>
        {showPhone ? <SandboxPhone /> : null}
      </div>
      <Toasts />
    </div>
  )
}
