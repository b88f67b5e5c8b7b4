/**
 * The window's position, size and maximised state, remembered between runs and restored only onto
 * a display that still exists (a laptop undocked from its second monitor must not open off-screen).
 */
import type { BrowserWindow, Rectangle } from 'electron'
import type { KeyValueStore } from '../core/ports'

export const WINDOW_STATE_KEY = 'windowState'
const MIN = { width: 1024, height: 700 }

export interface WindowState {
  x: number
  y: number
  width: number
  height: number
  maximized: boolean
}

function isState(value: unknown): value is WindowState {
  const v = value as Partial<WindowState> | undefined
  return !!v && [v.x, v.y, v.width, v.height].every((n) => typeof n === 'number' && Number.isFinite(n)) && typeof v.maximized === 'boolean'
}

/** Enough of the window's title bar lies on one of the displays' work areas to grab it. */
function visibleOn(state: WindowState, displays: Array<{ workArea: Rectangle }>): boolean {
  return displays.some(({ workArea: a }) => {
    const overlapX = Math.min(state.x + state.width, a.x + a.width) - Math.max(state.x, a.x)
    const titleBarOnScreen = state.y >= a.y && state.y < a.y + a.height - 40
    return overlapX >= 100 && titleBarOnScreen
  })
}

/** The bounds to open with: the saved ones when they still land on a display, else a default size. */
export function restoredBounds(saved: unknown, displays: Array<{ workArea: Rectangle }>): { bounds?: Partial<WindowState> & { width: number; height: number }; maximized: boolean } {
  if (!isState(saved)) return { maximized: false }
  const size = { width: Math.max(MIN.width, saved.width), height: Math.max(MIN.height, saved.height) }
  if (!visibleOn({ ...saved, ...size }, displays)) return { bounds: size, maximized: saved.maximized }
  return { bounds: { x: saved.x, y: saved.y, ...size }, maximized: saved.maximized }
}

/** Saves the state whenever it changes (normal bounds, so a maximised window restores to its size). */
export function rememberWindowState(window: BrowserWindow, store: KeyValueStore): void {
  const save = (): void => {
    if (window.isDestroyed() || window.isMinimized()) return
    const bounds = window.isMaximized() ? window.getNormalBounds() : window.getBounds()
    store.set(WINDOW_STATE_KEY, { ...bounds, maximized: window.isMaximized() } satisfies WindowState)
  }
  // 'resized' and 'moved' come once per drag on macOS and Windows; Linux has only the per-pixel
  // 'resize'/'move', so there the state is saved on close (and on maximise).
  for (const event of ['resized', 'moved', 'maximize', 'unmaximize', 'close'] as const) window.on(event as 'close', save)
}
