/**
 * What a packaged Switchboard holds: electron-builder itself packs the built app (`--linux dir`,
 * the step every installer starts from) around a stand-in Electron distribution, since the real
 * runtime cannot be downloaded here. Checks the files in app.asar, the fuses the afterPack hook
 * flipped in the binary, and the update feed written for electron-updater.
 */
import { execFile } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { parse } from 'yaml'
import { beforeAll, describe, expect, it } from 'vitest'
import { builderArgs } from '../../src-main/build/dist.mjs'

const require = createRequire(import.meta.url)
const builderCli = path.join(path.dirname(require.resolve('electron-builder/package.json')), 'cli.js')
const asar = require(require.resolve('@electron/asar', { paths: [path.dirname(require.resolve('app-builder-lib/package.json'))] })) as {
  listPackage(archive: string, options?: object): string[]
  extractFile(archive: string, file: string): Buffer
}

const work = mkdtempSync(path.join(os.tmpdir(), 'switchboard-package-'))
const unpacked = path.join(work, 'installers', 'linux-unpacked')
const archive = path.join(unpacked, 'resources', 'app.asar')
let files: string[] = []

beforeAll(async () => {
  for (const built of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
    if (!existsSync(built)) throw new Error(`${built} is missing: run npm run build first (npm test does)`)
  }
  // A stand-in for Electron's linux zip: a binary holding Electron 40's fuse wire, as shipped.
  const dist = path.join(work, 'electron-dist')
  mkdirSync(path.join(dist, 'resources'), { recursive: true })
  writeFileSync(path.join(dist, 'electron'), Buffer.concat([Buffer.from('#!/bin/false\n'), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, 9]), Buffer.from('101100011')]))
  chmodSync(path.join(dist, 'electron'), 0o755)
  writeFileSync(path.join(dist, 'version'), '40.9.3')
  // The same arguments npm run dist gives the builder (our config file, no publishing), plus this test's overrides.
  const args = builderArgs(['--linux', 'dir', '--x64', `-c.electronDist=${dist}`, `-c.directories.output=${path.join(work, 'installers')}`, '-c.publish.owner=example-org', '-c.publish.repo=switchboard'])
  await promisify(execFile)(process.execPath, [builderCli, ...args], { env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' }, maxBuffer: 16 * 1024 * 1024 })
  files = asar.listPackage(archive, { isPack: false })
}, 300_000)

describe('the packaged app', () => {
  it('holds the built app, package.json and the run-time icons, and no sources, tests, CLI or maps', () => {
    expect(files).toEqual(expect.arrayContaining(['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/resources/icon.png', '/resources/tray/tray.png', '/resources/tray/trayTemplate.png']))
    const own = files.filter((f) => !f.startsWith('/node_modules'))
    expect(own.filter((f) => /^\/(src-|test|\.github|\.ci|scripts)/.test(f))).toEqual([])
    // SVG sources stay out; the page's own favicon (a built renderer asset) is part of the app.
    expect(own.filter((f) => f.endsWith('.map') || f.endsWith('.ts') || (f.endsWith('.svg') && !f.startsWith('/out/renderer/assets/')))).toEqual([])
    expect(own).not.toContain('/out/main/cli.js')
    expect(own).not.toContain('/out/main/bench.js')
    expect(own.filter((f) => f.startsWith('/out/web') || f.startsWith('/resources/tools') || f.startsWith('/resources/icons'))).toEqual([])
    const pkg = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as { main: string; productName: string }
    expect(pkg).toMatchObject({ main: 'out/main/index.js', productName: 'Switchboard' })
  })

  it('carries the production dependencies the main process loads, and no development ones', () => {
    const modules = new Set(files.filter((f) => f.startsWith('/node_modules/')).map((f) => f.split('/').slice(2, f.split('/')[2]?.startsWith('@') ? 4 : 3).join('/')))
    for (const needed of ['electron-updater', 'electron-store', 'conf', 'ws', 'pino', 'pino-roll', 'zod', 'yaml', 'libphonenumber-js', 'eventsource-parser']) expect(modules, needed).toContain(needed)
    // The renderer's libraries are bundled into out/renderer by Vite; the tools never ship.
    for (const absent of ['electron', 'electron-builder', 'electron-vite', 'vite', 'vitest', 'typescript', 'react', 'react-dom', 'recharts', 'playwright-core', '@electron/fuses', '@types/node']) expect(modules, absent).not.toContain(absent)
  })

  it('has its fuses flipped by the afterPack hook, in the binary electron-builder renamed', async () => {
    const wire = (await getCurrentFuseWire(path.join(unpacked, 'switchboard'))) as unknown as Record<number, number>
    expect(String.fromCharCode(...[0, 1, 2, 3, 4, 5, 7].map((i) => wire[i]!))).toBe('0100110')
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(48)
  })

  it('tells electron-updater where releases are: the GitHub repository', () => {
    const feed = parse(readFileSync(path.join(unpacked, 'resources', 'app-update.yml'), 'utf8')) as Record<string, string>
    expect(feed).toMatchObject({ provider: 'github', owner: 'example-org', repo: 'switchboard' })
  })
})
