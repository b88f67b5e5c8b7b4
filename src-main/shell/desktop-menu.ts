/**
 * The application menu's actions: the docs in the browser, the log folder in the file manager, and
 * Copy diagnostics — the core's app.diagnostics (secrets already redacted there) on the clipboard.
 */
import { clipboard, dialog, shell } from 'electron'
import type { Logger } from '../core/ports'
import type { AttentionHost } from './attention'
import { DOCS_URL, installAppMenu } from './app-menu'

export interface DesktopMenuOptions {
  host: Pick<AttentionHost, 'invoke'>
  packaged: boolean
  logsDir: string
  logger: Logger
  platform?: NodeJS.Platform
}

/** Copies the diagnostics; resolves with what was copied (null when the core refused). */
export async function copyDiagnostics(host: DesktopMenuOptions['host'], logger: Logger): Promise<string | null> {
  const result = await host.invoke('app.diagnostics', {})
  if (!result.ok) {
    logger.warn('diagnostics could not be collected', { error: result.error.message })
    void dialog.showMessageBox({ type: 'warning', message: 'Diagnostics could not be collected', detail: result.error.message })
    return null
  }
  const text = (result.value as { text: string }).text
  clipboard.writeText(text)
  return text
}

export function installDesktopMenu(options: DesktopMenuOptions): void {
  const { logger } = options
  installAppMenu({
    packaged: options.packaged,
    platform: options.platform,
    actions: {
      openDocs: () => void shell.openExternal(DOCS_URL),
      showLogs: () => void shell.openPath(options.logsDir),
      copyDiagnostics: () => void copyDiagnostics(options.host, logger).catch((error: unknown) => logger.error('copy diagnostics failed', { error: String(error) }))
    }
  })
}
