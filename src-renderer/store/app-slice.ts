import type { AppSlice, SliceDeps, ThemeChoice } from './types'

const THEME_KEY = 'switchboard.theme'
const GUIDE_KEY = 'switchboard.guideDismissed'

function readTheme(storage: SliceDeps['storage']): ThemeChoice {
  const v = storage?.getItem(THEME_KEY)
  return v === 'light' || v === 'dark' ? v : 'system'
}

export function createAppSlice({ set, get, bridge, storage }: SliceDeps): AppSlice {
  return {
    status: null,
    connection: bridge.connectionState?.() ?? 'open',
    theme: readTheme(storage),
    view: 'monitor',
    sandboxPanelOpen: true,
    guideDismissed: storage?.getItem(GUIDE_KEY) === '1',

    async loadStatus() {
      const status = get().report('Loading the app status', await bridge.invoke('app.status', {}))
      if (status) set({ status })
    },
    setConnection(connection) {
      set({ connection })
    },
    setTheme(theme) {
      // Kept on this machine: the theme is a matter of the screen, not of the shared hub.
      storage?.setItem(THEME_KEY, theme)
      set({ theme })
    },
    setView(view) {
      set({ view, openCallId: null })
    },
    toggleSandboxPanel() {
      set((s) => ({ sandboxPanelOpen: !s.sandboxPanelOpen }))
    },
    dismissGuide() {
      storage?.setItem(GUIDE_KEY, '1')
      set({ guideDismissed: true })
    }
  }
}
