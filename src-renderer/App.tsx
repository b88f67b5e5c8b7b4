import { TurnAnnouncer } from './components/attention/TurnAnnouncer'
import { WaitingAlert } from './components/attention/WaitingAlert'
import { ConnectionBanner } from './components/ConnectionBanner'
import { Header } from './components/Header'
import { AdminOnlyView } from './components/AdminOnlyView'
import { mayOpen, NAV_ITEMS, NavBar } from './components/NavBar'
import { Toasts } from './components/Toasts'
import { NewMessageDialog } from './components/dialogs/NewMessageDialog'
import { PlaceCallDialog } from './components/dialogs/PlaceCallDialog'
import { UnsavedChangesDialog } from './components/UnsavedChangesDialog'
import { ViewBoundary } from './components/ViewBoundary'
import { UpdateBanner } from './components/UpdateBanner'
import { useGlobalKeys, useThemeAttribute } from './lib/app-effects'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore, useAppStoreApi } from './store/store-context'
import { PlaceholderView } from './views/PlaceholderView'
import { VIEWS } from './views/registry'
import { SandboxPhone } from './views/sandbox/SandboxPhone'

/**
 * The frame: header, the waiting-turn alert, navigation, the current view, and the sandbox phone
 * docked on the right. The view and the phone each sit in their own error boundary, so a crash in
 * one leaves the rest of the console working.
 */
export function App() {
  const store = useAppStoreApi()
  const { view, theme, showPhone, me } = useAppStore(
    useShallow((s) => ({
      view: s.view,
      me: s.me,
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
      <ViewBoundary name="waiting-alert" label="The waiting-turn alert">
        <WaitingAlert />
      </ViewBoundary>
      <div className="app-body">
        <NavBar />
        <main className="main">
          <ViewBoundary key={view} name={view} label={`The ${viewLabel(view)} view`}>
            {!mayOpen(view, me) ? (
              <AdminOnlyView label={viewLabel(view)} name={me?.name ?? 'You'} />
            ) : View ? (
              <View />
            ) : (
              <PlaceholderView view={view as Exclude<typeof view, 'monitor'>} />
            )}
          </ViewBoundary>
        </main>
        {showPhone ? (
          <ViewBoundary name="sandbox-phone" label="The sandbox phone">
            <SandboxPhone />
          </ViewBoundary>
        ) : null}
      </div>
      <TurnAnnouncer />
      <Toasts />
      <UnsavedChangesDialog />
      <PlaceCallDialog />
      <NewMessageDialog />
    </div>
  )
}

const viewLabel = (view: string): string => NAV_ITEMS.find((i) => i.view === view)?.label ?? view
