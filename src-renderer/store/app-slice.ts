import type { AppSlice, SliceDeps, ThemeChoice } from './types'

const THEME_KEY = 'switchboard.theme'
const GUIDE_KEY = 'switchboard.guideDismissed'
const OPERATOR_KEY = 'switchboard.operator'

/** A name until the person gives one: distinct enough that two browsers on one hub differ. */
function readOperator(storage: SliceDeps['storage']): string {
  const stored = storage?.getItem(OPERATOR_KEY)?.trim()
  if (stored) return stored
  const made = `Operator ${Math.floor(1000 + Math.random() * 9000)}`
  storage?.setItem(OPERATOR_KEY, made)
  return made
}

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
    operator: readOperator(storage),

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
      if (get().holdLeave(view, () => get().setView(view))) return
      set({ view, openCallId: null })
    },
    unsaved: {},
    pendingLeave: null,
    setUnsaved(key, label) {
      set((s) => {
        if ((s.unsaved[key] ?? null) === label) return s
        const unsaved = { ...s.unsaved }
        if (label === null) delete unsaved[key]
        else unsaved[key] = label
        return { unsaved }
      })
    },
    holdLeave(to, go, replacesForms = false) {
      const s = get()
      // Opening another call or thread inside the same view leaves the forms of that view alone.
      if ((to === s.view && !replacesForms) || Object.keys(s.unsaved).length === 0) return false
      set({ pendingLeave: go })
      return true
    },
    resolveLeave(leave) {
      const go = get().pendingLeave
      // The edits are given up first, so the held move is not held again.
      set(leave ? { pendingLeave: null, unsaved: {} } : { pendingLeave: null })
      if (leave) go?.()
    },
    toggleSandboxPanel() {
      set((s) => ({ sandboxPanelOpen: !s.sandboxPanelOpen }))
    },
    setOperator(name) {
      const operator = name.trim().slice(0, 100)
      if (!operator) return
      // Kept per browser: on a shared hub each person has their own.
      storage?.setItem(OPERATOR_KEY, operator)
      set({ operator })
    },
    dismissGuide() {
      storage?.setItem(GUIDE_KEY, '1')
      set({ guideDismissed: true })
    }
  }
}
