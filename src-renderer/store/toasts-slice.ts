import type { SliceDeps, Toast, ToastsSlice } from './types'

const MAX_TOASTS = 4
const LIFETIME_MS: Record<Toast['kind'], number> = { info: 5_000, error: 10_000 }

export function createToastsSlice({ set, get }: SliceDeps): ToastsSlice {
  let nextId = 1
  return {
    toasts: [],
    pushToast(kind, message) {
      const id = nextId++
      // Newest last; old ones drop off so a burst of failures cannot bury the screen.
      set((s) => ({ toasts: [...s.toasts, { id, kind, message }].slice(-MAX_TOASTS) }))
      setTimeout(() => get().dismissToast(id), LIFETIME_MS[kind])
    },
    dismissToast(id) {
      set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }))
    },
    report(what, result) {
      if (result.ok) return result.value
      // While the link is down the banner already says so; a toast per request would be noise.
      if (result.error.code === 'not_available' && get().connection !== 'open') return undefined
      get().pushToast('error', `${what} failed: ${result.error.message}`)
      return undefined
    }
  }
}
