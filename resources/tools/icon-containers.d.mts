/** Types for icon-containers.mjs (a plain Node script, unbuilt). */
export function pngSize(png: Buffer): { width: number; height: number }
export function writeIco(pngs: Buffer[]): Buffer
export function writeIcns(pngsBySize: Record<number, Buffer>): Buffer
export function readIco(ico: Buffer): Array<{ width: number; height: number; png: Buffer }>
export function readIcns(icns: Buffer): Array<{ type: string; data: Buffer }>
export const ICNS_TYPES: Record<number, string[]>
