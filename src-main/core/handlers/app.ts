import type { SessionContext } from './context'
import type { HandlerMap } from './types'

export function appHandlers(ctx: SessionContext): HandlerMap {
  return {
    'app.status': async () => ctx.status(),
    'settings.get': async () => ctx.settings(),
    'settings.update': async (patch) => ctx.updateSettings(patch)
  }
}
