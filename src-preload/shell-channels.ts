/**
 * IPC channels of the Electron shell itself, outside the bridge contract (the headless shell has
 * no window to raise).
 */

/** The page called `window.focus()` (a notification click): bring the window to the front. */
export const FOCUS_WINDOW_CHANNEL = 'shell.focus-window'
