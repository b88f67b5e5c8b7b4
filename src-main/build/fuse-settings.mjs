// The Electron fuses every packaged Switchboard ships with, in one place: the afterPack hook flips
// them and test/build/fuses.test.ts reads the same table. Fuses are bits in the Electron binary
// itself, so they hold however the app is started (https://www.electronjs.org/docs/latest/tutorial/fuses).
import { FuseV1Options, FuseVersion } from '@electron/fuses'

/** Fuse → wanted state, with the reason each is set the way it is. */
export const FUSES = [
  // ELECTRON_RUN_AS_NODE would turn the signed binary into a plain Node that runs any script.
  { option: FuseV1Options.RunAsNode, name: 'RunAsNode', enabled: false },
  // Cookies and local storage encrypted at rest with the OS keychain key.
  { option: FuseV1Options.EnableCookieEncryption, name: 'EnableCookieEncryption', enabled: true },
  // NODE_OPTIONS (--require, --inspect…) would inject code into the main process.
  { option: FuseV1Options.EnableNodeOptionsEnvironmentVariable, name: 'EnableNodeOptionsEnvironmentVariable', enabled: false },
  // --inspect / --inspect-brk would open a debugger on the main process (where the API key lives).
  { option: FuseV1Options.EnableNodeCliInspectArguments, name: 'EnableNodeCliInspectArguments', enabled: false },
  // app.asar is checked against the hash electron-builder embeds (macOS and Windows enforce it).
  { option: FuseV1Options.EnableEmbeddedAsarIntegrityValidation, name: 'EnableEmbeddedAsarIntegrityValidation', enabled: true },
  // Only resources/app.asar is loaded: a resources/app folder dropped beside it is ignored.
  { option: FuseV1Options.OnlyLoadAppFromAsar, name: 'OnlyLoadAppFromAsar', enabled: true },
  // Electron's default; named so every fuse @electron/fuses knows has a stated value.
  { option: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot, name: 'LoadBrowserProcessSpecificV8Snapshot', enabled: false },
  // The UI is served from switchboard://app/, never file://, so file:// pages get no extra reach.
  { option: FuseV1Options.GrantFileProtocolExtraPrivileges, name: 'GrantFileProtocolExtraPrivileges', enabled: false }
]

/**
 * The @electron/fuses config for one packaged app. On Apple silicon, flipping bytes breaks the
 * ad-hoc signature an unsigned arm64 app needs to launch at all, so it is redone there.
 */
export function fuseConfig({ platform, arch }) {
  const config = { version: FuseVersion.V1, resetAdHocDarwinSignature: platform === 'darwin' && arch === 'arm64' }
  for (const fuse of FUSES) config[fuse.option] = fuse.enabled
  return config
}
