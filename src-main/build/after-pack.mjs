// electron-builder's afterPack hook: flips the fuses (fuse-settings.mjs) in the packaged binary,
// after the app is copied in and before it is signed, so the signature covers the flipped bytes.
import path from 'node:path'
import { flipFuses } from '@electron/fuses'
import { fuseConfig } from './fuse-settings.mjs'

/** electron-builder's Arch enum, by number. */
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal']

/** The file the fuses live in, as electron-builder's own fuse step finds it. */
export function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return path.join(appOutDir, `${packager.appInfo.productFilename}.app`)
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`)
  return path.join(appOutDir, packager.executableName)
}

export async function afterPack(context) {
  const binary = electronBinaryPath(context)
  const arch = typeof context.arch === 'number' ? ARCH_NAMES[context.arch] : String(context.arch)
  const wires = await flipFuses(binary, fuseConfig({ platform: context.electronPlatformName, arch }))
  console.log(`  • fuses flipped in ${path.basename(binary)} (${wires} fuse wire${wires === 1 ? '' : 's'})`)
}

export default afterPack
