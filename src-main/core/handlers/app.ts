import type { SessionContext } from './context'
import type { HandlerMap } from './types'

export function appHandlers(ctx: SessionContext): HandlerMap {
  return {
    'app.status': async () => ctx.status(),
    'app.gaps': async () => ({ items: ctx.gaps?.gaps() ?? [] }),
    'settings.get': async () => ctx.settings(),
    'settings.update': async (patch) => ctx.updateSettings(patch)
  }
}
