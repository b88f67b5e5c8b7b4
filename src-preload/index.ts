/**
 * The preload (bundled to CommonJS, runs sandboxed): exposes the bridge contract as
 * `window.switchboard` and nothing else. The page never sees ipcRenderer; it can only invoke
 * contract commands and listen to contract events.
 */
import { contextBridge, ipcRenderer } from 'electron'
import type { BridgeApi, BridgeEvent, BridgeResult, EventName } from './contract'
import { EVENTS_CHANNEL, isCommandName, isEventName } from './contract'
import { FOCUS_WINDOW_CHANNEL } from './shell-channels'

type Handler = (data: unknown) => void
const handlers = new Map<EventName, Set<Handler>>()

function dispatch(batch: unknown): void {
  if (!Array.isArray(batch)) return
  for (const item of batch as BridgeEvent[]) {
    const listeners = handlers.get(item?.event)
    if (!listeners) continue
    // Copy first: a handler may unsubscribe itself (or others) while we loop.
    for (const handler of [...listeners]) {
      try {
        handler(item.data)
      } catch (error) {
        // One broken view must not stop the others from hearing the rest of the batch.
        console.error(`[switchboard] handler for ${item.event} threw`, error)
      }
    }
  }
}

// One listener for the whole window; batches fan out to the page's handlers.
ipcRenderer.on(EVENTS_CHANNEL, (_event, batch: unknown) => dispatch(batch))

const api = {
  invoke(method, params) {
    if (!isCommandName(method)) {
      const refused: BridgeResult<never> = { ok: false, error: { code: 'unknown_method', message: `unknown method: ${String(method)}` } }
      return Promise.resolve(refused)
    }
    return ipcRenderer.invoke(method, params).catch(
      (error: unknown): BridgeResult<never> => ({
        ok: false,
        error: { code: 'internal', message: error instanceof Error ? error.message : 'the call failed' }
      })
    )
  },
  on(event, handler) {
    if (!isEventName(event)) return () => {}
    const listener = handler as Handler
    let set = handlers.get(event)
    if (!set) handlers.set(event, (set = new Set()))
    set.add(listener)
    return () => {
      set.delete(listener)
    }
  }
} satisfies BridgeApi

contextBridge.exposeInMainWorld('switchboard', api)

/**
 * In a browser, `window.focus()` from a notification click brings the tab forward; in Electron it
 * does nothing to the OS window. The page keeps calling it; this makes it also ask the main process
 * to show and focus the window (executeInMainWorld is marked experimental in Electron 40; should it
 * fail, only this raise is lost). The function runs in the page's world, where Electron rebuilds it
 * from its source: it may use only its arguments and the page's own globals.
 */
try {
  contextBridge.executeInMainWorld({
    func: (raise: () => void) => {
      const page = globalThis as unknown as { focus(): void }
      const original = page.focus.bind(page)
      page.focus = () => {
        raise()
        original()
      }
    },
    args: [() => ipcRenderer.send(FOCUS_WINDOW_CHANNEL)]
  })
} catch (error) {
  console.error('[switchboard] window.focus() will not raise the window', error)
}
