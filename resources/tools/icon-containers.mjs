// The two icon containers desktops need, written from PNG images (both formats allow PNG payloads):
// Windows .ico and macOS .icns. Small enough to keep here rather than add a dependency.
import { Buffer } from 'node:buffer'

/** The width and height in a PNG's IHDR chunk. */
export function pngSize(png) {
  if (png.readUInt32BE(0) !== 0x89504e47 || png.toString('ascii', 12, 16) !== 'IHDR') throw new Error('not a PNG')
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) }
}

/** An .ico holding each PNG as is (Windows Vista and later read PNG entries). */
export function writeIco(pngs) {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2)
  header.writeUInt16LE(pngs.length, 4)
  const entries = []
  let offset = 6 + 16 * pngs.length
  for (const png of pngs) {
    const { width, height } = pngSize(png)
    if (width > 256 || height > 256) throw new Error(`an .ico entry is at most 256 px, got ${width}`)
    const entry = Buffer.alloc(16)
    entry.writeUInt8(width === 256 ? 0 : width, 0)
    entry.writeUInt8(height === 256 ? 0 : height, 1)
    entry.writeUInt16LE(1, 4) // colour planes
    entry.writeUInt16LE(32, 6) // bits per pixel
    entry.writeUInt32LE(png.length, 8)
    entry.writeUInt32LE(offset, 12)
    offset += png.length
    entries.push(entry)
  }
  return Buffer.concat([header, ...entries, ...pngs])
}

/** The .icns type for each PNG size (the @2x types hold the same pixels for Retina). */
export const ICNS_TYPES = { 16: ['icp4'], 32: ['icp5', 'ic11'], 64: ['icp6', 'ic12'], 128: ['ic07'], 256: ['ic08', 'ic13'], 512: ['ic09', 'ic14'], 1024: ['ic10'] }

/** An .icns from PNGs keyed by size. */
export function writeIcns(pngsBySize) {
  const chunks = []
  for (const [size, png] of Object.entries(pngsBySize)) {
    for (const type of ICNS_TYPES[size] ?? []) {
      const head = Buffer.alloc(8)
      head.write(type, 0, 'ascii')
      head.writeUInt32BE(8 + png.length, 4)
      chunks.push(head, png)
    }
  }
  const body = Buffer.concat(chunks)
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'ascii')
  head.writeUInt32BE(8 + body.length, 4)
  return Buffer.concat([head, body])
}

/** Reads an .ico back: each entry's declared size and its PNG. */
export function readIco(ico) {
  const count = ico.readUInt16LE(4)
  return Array.from({ length: count }, (_, i) => {
    const at = 6 + 16 * i
    const size = ico.readUInt32LE(at + 8)
    const offset = ico.readUInt32LE(at + 12)
    return { width: ico.readUInt8(at) || 256, height: ico.readUInt8(at + 1) || 256, png: ico.subarray(offset, offset + size) }
  })
}

/** Reads an .icns back: each entry's type and payload. */
export function readIcns(icns) {
  if (icns.toString('ascii', 0, 4) !== 'icns' || icns.readUInt32BE(4) !== icns.length) throw new Error('not an icns file')
  const entries = []
  for (let at = 8; at < icns.length; ) {
    const length = icns.readUInt32BE(at + 4)
    entries.push({ type: icns.toString('ascii', at, at + 4), data: icns.subarray(at + 8, at + length) })
    at += length
  }
  return entries
}
