import { dialog } from 'electron'
import type { BrowserWindow } from 'electron'

const LEAVE = 0
const STAY = 1

/**
 * A page with edits not saved yet cancels its unload (Settings, see src-renderer/lib/leave-guard.ts).
 * A browser then asks the person; Electron asks nobody and keeps the window open silently, so the
 * shell asks instead (Electron's documented `will-prevent-unload`: preventDefault lets it unload).
 */
export function askBeforeUnload(window: BrowserWindow): void {
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: ['Leave without saving', 'Stay'],
      defaultId: STAY,
      cancelId: STAY,
      title: 'Leave without saving?',
      message: 'Some changes in Switchboard are not saved yet.',
      detail: 'Leaving now loses them. Stay to save them first.'
    })
    if (choice === LEAVE) event.preventDefault()
  })
}
