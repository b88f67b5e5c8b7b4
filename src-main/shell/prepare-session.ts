/**
 * Sets up the default session once, after `ready`: the `switchboard://` protocol with its CSP header
 * (or, under `electron-vite dev`, the dev CSP on the dev server's responses) and the permission
 * policy. Once only: `protocol.handle` refuses a second registration, and a macOS re-opened window
 * reuses the session.
 */
import { protocol, session } from 'electron'
import { handleAppScheme } from './app-protocol'
import type { AppUrlPolicy } from './app-url'
import { buildCsp, installDevCsp } from './csp'
import { installPermissionPolicy } from './permissions'

export function prepareSession(policy: AppUrlPolicy, rendererDir: string): void {
  const defaultSession = session.defaultSession
  const csp = buildCsp(policy.devOrigin)
  if (policy.devOrigin) installDevCsp(defaultSession, csp)
  else handleAppScheme(protocol, rendererDir, csp)
  installPermissionPolicy(defaultSession, policy.isAppUrl)
}
