/**
 * resources/electron-builder.yml against electron-builder's own JSON schema (app-builder-lib/scheme.json,
 * the file electron-builder validates with before every build), plus what the schema cannot know:
 * the targets the issue asks for, icons that exist, and names that agree with the app's identity.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import Ajv from 'ajv'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { APP_USER_MODEL_ID, PRODUCT_NAME } from '../../src-main/shell/app-identity'
import { BUILDER_CONFIG } from '../../src-main/build/dist.mjs'

const require = createRequire(import.meta.url)
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object
const config = parse(readFileSync(BUILDER_CONFIG, 'utf8')) as Record<string, unknown> & {
  linux: { target: string[]; icon: string }
  mac: { target: Array<{ target: string; arch: string[] }>; icon: string }
  win: { target: Array<{ target: string; arch: string[] }>; icon: string }
  files: string[]
  afterPack: string
  publish: { provider: string; releaseType: string }
}

function validator() {
  // Compiled as electron-builder compiles it (util/config/schemaValidator.js): not strict, so the
  // schema's `typeof` (its marker for function-valued options) is ignored, but without coercion,
  // so `asar: "true"` is refused here rather than quietly turned into a boolean.
  return new Ajv({ allErrors: true, strict: false }).compile(schema)
}

describe('electron-builder configuration', () => {
  it('matches electron-builder’s own schema', () => {
    const validate = validator()
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true)
  })

  it('the schema check bites: a misspelt option or a wrong type is refused', () => {
    const validate = validator()
    expect(validate({ ...config, afterPak: config.afterPack })).toBe(false)
    expect(validate.errors?.[0]?.params).toMatchObject({ additionalProperty: 'afterPak' })
    expect(validate({ ...config, asar: 'yes please' })).toBe(false)
    expect(validate({ ...config, mac: { ...config.mac, target: [{ target: 'dmg', arch: ['sparc'] }] } })).toBe(false)
  })

  it('builds AppImage and deb, dmg for Intel and Apple silicon (with the zip the updater installs), and an NSIS installer', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    const mac = Object.fromEntries(config.mac.target.map((t) => [t.target, t.arch]))
    expect(mac.dmg).toEqual(['x64', 'arm64'])
    expect(mac.zip).toEqual(['x64', 'arm64'])
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }])
    expect(config.asar).toBe(true)
    expect(config.publish).toEqual({ provider: 'github', releaseType: 'draft' })
  })

  it('names the app as the shell does, and points at icons and a hook that exist', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { productName: string; desktopName: string }
    expect(config.appId).toBe(APP_USER_MODEL_ID)
    // Linux: the window's app_id (from desktopName) must name the .desktop file the package installs.
    expect(pkg.desktopName).toBe(`${(config.linux as unknown as { executableName: string }).executableName}.desktop`)
    expect(config.productName).toBe(PRODUCT_NAME)
    expect(pkg.productName).toBe(PRODUCT_NAME)
    for (const icon of [config.mac.icon, config.win.icon, path.join(config.linux.icon, '512x512.png'), path.join(config.linux.icon, '256x256.png')]) {
      expect(existsSync(icon), icon).toBe(true)
    }
    expect(existsSync(config.afterPack)).toBe(true)
  })
})
