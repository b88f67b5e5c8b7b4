import type { SessionContext } from './context'
import type { HandlerMap } from './types'

export function appHandlers(ctx: SessionContext): HandlerMap {
  return {
    'app.status': async () => ctx.status(),
    'app.gaps': async () => ({ items: ctx.gaps?.gaps() ?? [] }),
    'settings.get': async () => ctx.settings(),
    'settings.update': async (patch) => {
      const before = ctx.settings().historyRetentionDays
      const next = ctx.updateSettings(patch)
      // A shorter retention applies now, not at the next start.
      if (next.historyRetentionDays < before) await ctx.history.pruneNow()
      return next
    }
  }
}
