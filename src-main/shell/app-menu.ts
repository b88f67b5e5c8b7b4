/**
 * Our own application menu (Electron's default ships Reload and Toggle DevTools): the standard Edit
 * roles so copy and paste work (on macOS only a menu item makes Cmd+C reach the page), a View menu
 * whose Reload and DevTools exist only outside a packaged build, and Help with the documentation
 * and Copy diagnostics.
 */
import { Menu } from 'electron'
import type { MenuItemConstructorOptions } from 'electron'

export const DOCS_URL = 'https://docs.agentphone.to'

export interface AppMenuActions {
  openDocs(): void
  copyDiagnostics(): void
  showLogs(): void
}

export function appMenuTemplate(options: { packaged: boolean; platform: NodeJS.Platform; actions: AppMenuActions }): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin'
  const view: MenuItemConstructorOptions[] = [
    ...(options.packaged ? [] : ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[])),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' }
  ]
  return [
    ...(mac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    { label: 'File', submenu: [mac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'pasteAndMatchStyle' }, { role: 'delete' }, { role: 'selectAll' }]
    },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'AgentPhone documentation', click: () => options.actions.openDocs() },
        { label: 'Show log folder', click: () => options.actions.showLogs() },
        { type: 'separator' },
        { label: 'Copy diagnostics', click: () => options.actions.copyDiagnostics() }
      ]
    }
  ]
}

export function installAppMenu(options: { packaged: boolean; platform?: NodeJS.Platform; actions: AppMenuActions }): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ ...options, platform: options.platform ?? process.platform })))
}
