// `npm run icons`: draws every icon in resources/ from the SVG sources with resvg, then packs the
// .ico and .icns. The results are committed; run this again after changing an SVG.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Resvg } from '@resvg/resvg-js'
import { writeIcns, writeIco } from './icon-containers.mjs'

const resources = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const read = (file) => readFileSync(path.join(resources, file), 'utf8')
const render = (svg, size) => new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng()
const write = (file, data) => {
  mkdirSync(path.dirname(path.join(resources, file)), { recursive: true })
  writeFileSync(path.join(resources, file), data)
  console.log(`[icons] ${file} (${data.length} bytes)`)
}

export const APP_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]

const icon = read('icon.svg')
const pngs = Object.fromEntries(APP_SIZES.map((size) => [size, render(icon, size)]))
for (const size of APP_SIZES) write(`icons/${size}x${size}.png`, pngs[size])
write('icon.png', pngs[512])
write('icon.ico', writeIco([16, 24, 32, 48, 64, 128, 256].map((s) => pngs[s])))
write('icon.icns', writeIcns(Object.fromEntries([16, 32, 64, 128, 256, 512, 1024].map((s) => [s, pngs[s]]))))

// The browser tab: the same drawing (browsers scale the SVG), and an .ico for those asking by name.
write('favicon.svg', icon)
write('favicon.ico', writeIco([16, 32, 48].map((s) => pngs[s])))

// Tray: a template glyph for macOS, the full-colour icon elsewhere (it carries its own background,
// so it reads on light and dark bars alike), and a variant with the waiting badge.
const glyph = read('tray/tray-glyph.svg')
write('tray/trayTemplate.png', render(glyph, 16))
write('tray/trayTemplate@2x.png', render(glyph, 32))
write('tray/tray.png', pngs[32])
const badge = read('tray/waiting-badge.svg')
const withBadge = icon.replace('</svg>', `<g transform="translate(560 0) scale(14)">${badge.replace(/<svg[^>]*>|<\/svg>|<!--[\s\S]*?-->/g, '')}</g></svg>`)
write('tray/tray-waiting.png', render(withBadge, 32))
write('tray/overlay-waiting.png', render(badge, 16))
