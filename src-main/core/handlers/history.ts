import type { SessionContext } from './context'
import type { HandlerMap } from './types'

/** Settings › History: what the data folder keeps, and Clear history (the UI asks first). */
export function historyHandlers(ctx: Pick<SessionContext, 'history'>): HandlerMap {
  return {
    'history.status': async () => ctx.history.status(),
    'history.clear': async () => ctx.history.clear()
  }
}
