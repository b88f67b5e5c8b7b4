/**
 * Chromium permissions for the window. Only one is granted: `notifications`, and only to the app's
 * own pages; everything else (camera, microphone, geolocation, clipboard reads…) and every other
 * origin is refused. Electron routes a page's `Notification.permission` through the check handler
 * (with a null webContents for notifications) and `requestPermission()` and each display through
 * the request handler, so both must agree.
 */
import type { Session } from 'electron'
import { originOf } from './app-url'

const GRANTED = new Set(['notifications'])

/** Whether `permission` may be used by a page at `url` (a URL or an origin string). */
export function permits(permission: string, url: string | undefined, isAppUrl: (url: string) => boolean): boolean {
  if (!GRANTED.has(permission) || !url) return false
  const origin = originOf(url)
  return origin !== null && isAppUrl(`${origin}/`)
}

export function installPermissionPolicy(session: Pick<Session, 'setPermissionCheckHandler' | 'setPermissionRequestHandler'>, isAppUrl: (url: string) => boolean): void {
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    permits(permission, requestingOrigin || details?.requestingUrl, isAppUrl)
  )
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    // A subframe never gets anything, whatever its origin.
    if (details && 'isMainFrame' in details && details.isMainFrame === false) return callback(false)
    callback(permits(permission, details?.requestingUrl, isAppUrl))
  })
}
