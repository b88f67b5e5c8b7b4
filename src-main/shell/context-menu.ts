/**
 * The right-click menu Electron does not provide: spelling suggestions (macOS, where spellcheck is
 * on) and the standard edit roles, so Cut/Copy/Paste work from the mouse in the reply box.
 */
import { Menu } from 'electron'
import type { BrowserWindow, ContextMenuParams, MenuItemConstructorOptions } from 'electron'

export function contextMenuTemplate(params: Pick<ContextMenuParams, 'isEditable' | 'selectionText' | 'misspelledWord' | 'dictionarySuggestions'>, replace: (word: string) => void): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = []
  if (params.misspelledWord) {
    for (const suggestion of params.dictionarySuggestions.slice(0, 5)) items.push({ label: suggestion, click: () => replace(suggestion) })
    if (params.dictionarySuggestions.length === 0) items.push({ label: 'No suggestions', enabled: false })
    items.push({ type: 'separator' })
  }
  if (params.isEditable) items.push({ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { type: 'separator' }, { role: 'selectAll' })
  else if (params.selectionText.trim() !== '') items.push({ role: 'copy' })
  return items
}

export function attachContextMenu(window: BrowserWindow): void {
  window.webContents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, (word) => window.webContents.replaceMisspelling(word))
    if (template.length > 0) Menu.buildFromTemplate(template).popup({ window })
  })
}
