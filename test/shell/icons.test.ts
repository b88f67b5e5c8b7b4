/** The icons in resources/: current with their SVG source, and containers every desktop can read. */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { Resvg } from '@resvg/resvg-js'
import { describe, expect, it } from 'vitest'
import { pngSize, readIcns, readIco, writeIcns, writeIco } from '../../resources/tools/icon-containers.mjs'

const res = (file: string) => readFileSync(path.resolve('resources', file))
const render = (svg: string, size: number) => new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng()

describe('app icons', () => {
  it('has every PNG size Linux, Windows and macOS ask for, drawn from icon.svg as it is now', () => {
    const svg = res('icon.svg').toString()
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      const png = res(`icons/${size}x${size}.png`)
      expect(pngSize(png)).toEqual({ width: size, height: size })
      // Stale icons (an SVG edited without `npm run icons`) fail here.
      if (size <= 64) expect(png.equals(render(svg, size)), `icons/${size}x${size}.png is stale`).toBe(true)
    }
  })

  it('packs a Windows .ico with 16–256 px PNG entries', () => {
    const entries = readIco(res('icon.ico'))
    expect(entries.map((e) => e.width)).toEqual([16, 24, 32, 48, 64, 128, 256])
    for (const entry of entries) expect(pngSize(entry.png).width).toBe(entry.width)
    expect(readIco(res('favicon.ico')).map((e) => e.width)).toEqual([16, 32, 48])
  })

  it('packs a macOS .icns with the standard and Retina types', () => {
    const entries = readIcns(res('icon.icns'))
    expect(entries.map((e) => e.type).sort()).toEqual(['ic07', 'ic08', 'ic09', 'ic10', 'ic11', 'ic12', 'ic13', 'ic14', 'icp4', 'icp5', 'icp6'])
    const byType = Object.fromEntries(entries.map((e) => [e.type, pngSize(e.data).width]))
    expect(byType).toMatchObject({ icp4: 16, ic11: 32, ic07: 128, ic13: 256, ic10: 1024 })
  })

  it('has tray images: a macOS template pair and colour icons with and without the waiting badge', () => {
    expect(pngSize(res('tray/trayTemplate.png')).width).toBe(16)
    expect(pngSize(res('tray/trayTemplate@2x.png')).width).toBe(32)
    for (const file of ['tray/tray.png', 'tray/tray-waiting.png']) expect(pngSize(res(file)).width).toBe(32)
    expect(res('tray/tray.png').equals(res('tray/tray-waiting.png'))).toBe(false)
    expect(existsSync(path.resolve('resources/favicon.svg'))).toBe(true)
  })
})

describe('icon containers', () => {
  it('round-trip, and refuse what the formats cannot hold', () => {
    const a = render('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>', 16)
    const b = render('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>', 256)
    const ico = readIco(writeIco([a, b]))
    expect(ico.map((e) => [e.width, e.png.equals(e.width === 16 ? a : b)])).toEqual([
      [16, true],
      [256, true]
    ])
    expect(() => writeIco([render('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>', 512)])).toThrow(/at most 256/)
    expect(readIcns(writeIcns({ 16: a })).map((e) => [e.type, e.data.equals(a)])).toEqual([['icp4', true]])
    expect(() => pngSize(Buffer.from('GIF89a....................'))).toThrow(/not a PNG/)
  })
})
