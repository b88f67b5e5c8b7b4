/**
 * The fuses a packaged Switchboard ships with: the afterPack hook run on a stand-in Electron binary
 * (a real file holding Electron's fuse wire), read back with @electron/fuses' own reader.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { describe, expect, it } from 'vitest'
import { afterPack, electronBinaryPath } from '../../src-main/build/after-pack.mjs'
import { FUSES, fuseConfig } from '../../src-main/build/fuse-settings.mjs'

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const ON = 49 // '1'
const OFF = 48 // '0'
/** Electron 40's wire as shipped: RunAsNode, NODE_OPTIONS, --inspect and file:// privileges on; the rest off. */
const SHIPPED = [ON, OFF, ON, ON, OFF, OFF, OFF, ON, ON]

function fakeElectron(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true })
  const wire = Buffer.from([1, SHIPPED.length, ...SHIPPED])
  writeFileSync(file, Buffer.concat([Buffer.alloc(4096, 7), Buffer.from(SENTINEL), wire, Buffer.alloc(4096, 9)]))
}

const packager = { appInfo: { productFilename: 'Switchboard' }, executableName: 'switchboard' }

async function packedWire(platform: string, arch: number): Promise<Record<string, number>> {
  const appOutDir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-pack-'))
  const context = { appOutDir, electronPlatformName: platform, arch, packager }
  const binary = electronBinaryPath(context)
  fakeElectron(platform === 'darwin' ? path.join(binary, 'Contents', 'Frameworks', 'Electron Framework.framework', 'Electron Framework') : binary)
  await afterPack(context)
  return (await getCurrentFuseWire(binary)) as unknown as Record<string, number>
}

describe('fuses at package time', () => {
  it('states a value for every fuse @electron/fuses knows, so a new fuse cannot slip in unset', () => {
    const known = Object.values(FuseV1Options).filter((v): v is FuseV1Options => typeof v === 'number')
    expect(FUSES.map((f) => f.option).sort()).toEqual([...known].sort())
    for (const fuse of FUSES) expect(FuseV1Options[fuse.option]).toBe(fuse.name)
  })

  it.each([
    ['linux', 1, 'switchboard'],
    ['win32', 1, 'Switchboard.exe'],
    ['darwin', 1, 'Switchboard.app']
  ])('flips the %s binary (%s): no run-as-node, NODE_OPTIONS, --inspect or file:// privileges; cookie encryption and asar-only with integrity', async (platform, arch, name) => {
    const wire = await packedWire(platform, arch)
    expect(wire[FuseV1Options.RunAsNode]).toBe(OFF)
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(ON)
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(OFF)
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(OFF)
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ON)
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ON)
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(OFF)
    // A fuse newer than @electron/fuses is left as Electron shipped it.
    expect(wire[8]).toBe(ON)
    expect(path.basename(electronBinaryPath({ appOutDir: '/x', electronPlatformName: platform, arch, packager }))).toBe(name)
  })

  it('redoes the ad-hoc signature only for Apple silicon builds', () => {
    expect(fuseConfig({ platform: 'darwin', arch: 'arm64' }).resetAdHocDarwinSignature).toBe(true)
    expect(fuseConfig({ platform: 'darwin', arch: 'x64' }).resetAdHocDarwinSignature).toBe(false)
    expect(fuseConfig({ platform: 'linux', arch: 'arm64' }).resetAdHocDarwinSignature).toBe(false)
  })

  it('fails the build rather than ship an unfused binary', async () => {
    const appOutDir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-pack-'))
    writeFileSync(path.join(appOutDir, 'switchboard'), Buffer.alloc(1024, 1))
    await expect(afterPack({ appOutDir, electronPlatformName: 'linux', arch: 1, packager })).rejects.toThrow(/sentinel/)
    expect(readFileSync(path.join(appOutDir, 'switchboard'))).toEqual(Buffer.alloc(1024, 1))
  })
})
