import type { SliceDeps } from './types'
import type { SettingsSlice } from './webhooks-types'

/**
 * Settings and the live-mode connection. Every action answers the refusal's message (or null) so
 * the form that asked can show it next to the fields, keeping what the person typed.
 */
export function createSettingsSlice({ set, get, bridge }: SliceDeps): SettingsSlice {
  return {
    settings: null,
    settingsLoadError: null,
    settingsFocus: null,
    connectionBusy: null,

    async loadSettings() {
      const res = await bridge.invoke('settings.get', {})
      if (res.ok) set({ settings: res.value, settingsLoadError: null })
      else set({ settingsLoadError: res.error.message })
    },

    async saveSettings(patch) {
      const res = await bridge.invoke('settings.update', patch)
      if (!res.ok) return res.error.message
      set({ settings: res.value })
      return null
    },

    async configure(params, busy) {
      set({ connectionBusy: busy })
      const res = await bridge.invoke('app.configure', params)
      set({ connectionBusy: null })
      // No set({status}) here: the app.status event that the core sends carries it, and the board
      // reset in start-store.ts relies on seeing the old status when that event lands.
      return res.ok ? null : res.error.message
    },

    async switchMode(mode) {
      set({ connectionBusy: mode === 'live' ? 'Switching to live mode… the core restarts.' : 'Switching to sandbox mode… the core restarts.' })
      const res = await bridge.invoke('app.switchMode', { mode })
      set({ connectionBusy: null })
      if (!res.ok) return res.error.message
      // Settings live with the core's data: after a restart, read them again.
      void get().loadSettings()
      return null
    },

    openSettings(section) {
      get().setView('settings')
      set({ settingsFocus: section })
    },

    clearSettingsFocus() {
      set({ settingsFocus: null })
    }
  }
}
