import { act, render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { App } from '../../../src-renderer/App'
import { createAppStore } from '../../../src-renderer/store/create-store'
import { startStore } from '../../../src-renderer/store/start-store'
import { startSandboxMemory } from '../../../src-renderer/store/sandbox-memory'
import { StoreProvider } from '../../../src-renderer/store/store-context'
import type { FakeBridge } from './fake-bridge'
import { fakeBridge } from './fake-bridge'

/** A Storage kept in memory, for a test that reloads the window over the same storage. */
export function memoryStorage(): Storage {
  const data = new Map<string, string>()
  return {
    get length() {
      return data.size
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, String(v))
  }
}

/**
 * The whole app around a fake bridge, started the way main.tsx starts it. `session` is the tab's
 * session storage (the sandbox phone's history); none by default, so tests do not share it.
 */
export async function renderApp(bridge: FakeBridge = fakeBridge(), storage: Storage | null = null, session: Storage | null = null) {
  const store = createAppStore(bridge, storage)
  const stopMemory = startSandboxMemory(store, bridge, session)
  const stopStore = startStore(store, bridge)
  const stop = (): void => {
    stopMemory()
    stopStore()
  }
  const user = userEvent.setup()
  const view = render(
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  )
  // Let the start-up loads (app.status, calls.list, turns.list) settle.
  await act(async () => {
    await Promise.resolve()
  })
  /** Pushes an event the way the core would, inside act() so React renders it. */
  const emit: FakeBridge['emit'] = (event, data) => act(() => bridge.emit(event, data))
  return { ...view, store, bridge, user, emit, stop }
}
