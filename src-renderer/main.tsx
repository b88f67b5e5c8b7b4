// First: zod must not probe eval under the page's CSP (see the file).
import '../src-preload/zod-page-mode'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { pickBridge } from './bridge/pick-bridge'
import { createAppStore } from './store/create-store'
import { startStore } from './store/start-store'
import { startSandboxMemory } from './store/sandbox-memory'
import { startHashRouter } from './lib/hash-router'
import { startUnloadGuard } from './lib/leave-guard'
import { VIEWS } from './views/registry'
import { StoreProvider } from './store/store-context'
import './styles/tokens.css'
import './styles/app.css'

// The store and its event subscription start before React renders, and outside it: pushed
// events keep flowing into the store whatever the component tree is doing.
const bridge = pickBridge()
const store = createAppStore(bridge)
startSandboxMemory(store, bridge, sessionStorageOrNull())
startStore(store, bridge)
// After pickBridge, which takes the `#token=` fragment out of the address first.
startHashRouter(store, Object.keys(VIEWS))
// The browser asks before the tab closes; in the Electron window the shell asks (unload-prompt.ts).
startUnloadGuard(store)

function sessionStorageOrNull(): Storage | null {
  try {
    return sessionStorage
  } catch {
    return null // storage disabled: the sandbox phone forgets its history on a refresh
  }
}

const root = document.getElementById('root')
if (!root) throw new Error('index.html must contain <div id="root">')
createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>
)
