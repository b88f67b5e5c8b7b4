/**
 * electron-updater as the update policy's engine: read the feed (the GitHub release named in the
 * package's app-update.yml), download and verify the file for this kind of install (AppImage, deb,
 * the macOS zip, the NSIS installer), and quit-and-install. Nothing here decides when: that is
 * src-main/core/updates/update-policy.ts. Type-only imports, so it runs without Electron in tests.
 */
import type { AppUpdater, ProgressInfo } from 'electron-updater'
import type { UpdateEngine } from '../core/updates/update-policy'

export function electronUpdaterEngine(updater: AppUpdater): UpdateEngine {
  // The policy downloads right after a check finds something, and installs only on a person's word.
  updater.autoDownload = false
  // Quitting the app normally installs a downloaded update too (no call can be live after a quit).
  updater.autoInstallOnAppQuit = true
  return {
    async check() {
      const result = await updater.checkForUpdates()
      return result?.isUpdateAvailable ? result.updateInfo.version : null
    },
    async download(onProgress) {
      const progress = (info: ProgressInfo): void => onProgress(info.percent)
      updater.on('download-progress', progress)
      try {
        await updater.downloadUpdate()
      } finally {
        updater.removeListener('download-progress', progress)
      }
    },
    install() {
      // Not silent (Windows shows its installer's progress); start the new version afterwards.
      updater.quitAndInstall(false, true)
    },
    onFailure(listener) {
      const failed = (error: Error): void => listener(error.message.split('\n')[0] ?? String(error))
      updater.on('error', failed)
      return () => void updater.removeListener('error', failed)
    }
  }
}
