import { act, render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { App } from '../../../src-renderer/App'
import { createAppStore } from '../../../src-renderer/store/create-store'
import { startStore } from '../../../src-renderer/store/start-store'
import { StoreProvider } from '../../../src-renderer/store/store-context'
import type { FakeBridge } from './fake-bridge'
import { fakeBridge } from './fake-bridge'

/** The whole app around a fake bridge, started the way main.tsx starts it. */
export async function renderApp(bridge: FakeBridge = fakeBridge(), storage: Storage | null = null) {
  const store = createAppStore(bridge, storage)
  const stop = startStore(store, bridge)
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
