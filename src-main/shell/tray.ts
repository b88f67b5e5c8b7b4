/**
 * The tray icon: how many callers wait, and a menu to show the window, mute alerts for a while, or
 * quit. macOS gets a template image (drawn by the OS for light and dark bars) with the count as
 * text beside it; elsewhere a full-colour icon that reads on both, a variant with a badge while
 * someone waits, and the count in the tooltip and the menu.
 */
import path from 'node:path'
import { Menu, nativeImage, Tray } from 'electron'
import type { MenuItemConstructorOptions } from 'electron'

export interface TrayActions {
  show(): void
  mute(minutes: number): void
  quit(): void
}

export interface TrayView {
  update(waiting: number, mutedUntil: string | null): void
  destroy(): void
}

const time = (iso: string): string => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })

export function trayMenuTemplate(waiting: number, mutedUntil: string | null, actions: TrayActions): MenuItemConstructorOptions[] {
  const status = waiting === 0 ? 'No caller waiting' : waiting === 1 ? '1 caller waiting' : `${waiting} callers waiting`
  return [
    { label: status, enabled: false },
    { label: 'Show Switchboard', click: () => actions.show() },
    { type: 'separator' },
    ...(mutedUntil ? [{ label: `Unmute alerts (muted until ${time(mutedUntil)})`, click: () => actions.mute(0) }] : []),
    { label: 'Mute alerts for 15 min', click: () => actions.mute(15) },
    { label: 'Mute alerts for 1 h', click: () => actions.mute(60) },
    { type: 'separator' },
    { label: 'Quit Switchboard', click: () => actions.quit() }
  ]
}

/** Call after `ready`. `resources` is the resources/ folder. */
export function createTray(resources: string, actions: TrayActions, platform: NodeJS.Platform = process.platform): TrayView {
  const mac = platform === 'darwin'
  const image = (name: string) => {
    const img = nativeImage.createFromPath(path.join(resources, 'tray', name))
    if (mac) img.setTemplateImage(true)
    return img
  }
  const idle = image(mac ? 'trayTemplate.png' : 'tray.png')
  const busy = mac ? idle : image('tray-waiting.png')
  const tray = new Tray(idle)
  // Linux desktops open the menu on click; Windows and macOS too, with a left click showing the window.
  if (!mac) tray.on('click', () => actions.show())
  const view: TrayView = {
    update(waiting, mutedUntil) {
      tray.setImage(waiting > 0 ? busy : idle)
      if (mac) tray.setTitle(waiting > 0 ? String(waiting) : '')
      tray.setToolTip(waiting > 0 ? `Switchboard — ${waiting} waiting` : 'Switchboard')
      tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(waiting, mutedUntil, actions)))
    },
    destroy: () => tray.destroy()
  }
  view.update(0, null)
  return view
}
