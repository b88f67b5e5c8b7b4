/** Reads a WAV file's header the way a player would, to check a recording is real audio. */
export interface WavInfo {
  format: number
  channels: number
  sampleRate: number
  bitsPerSample: number
  dataBytes: number
  seconds: number
  /** Samples whose magnitude is over 1000: how much of the file is not silence. */
  loudSamples: number
}

export function readWav(buf: Buffer): WavInfo {
  if (buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') throw new Error('not a RIFF/WAVE file')
  if (buf.readUInt32LE(4) !== buf.length - 8) throw new Error('RIFF size does not match the file')
  let offset = 12
  let fmt: Omit<WavInfo, 'dataBytes' | 'seconds' | 'loudSamples'> | null = null
  while (offset + 8 <= buf.length) {
    const id = buf.toString('ascii', offset, offset + 4)
    const size = buf.readUInt32LE(offset + 4)
    const body = offset + 8
    if (id === 'fmt ') {
      fmt = { format: buf.readUInt16LE(body), channels: buf.readUInt16LE(body + 2), sampleRate: buf.readUInt32LE(body + 4), bitsPerSample: buf.readUInt16LE(body + 14) }
    }
    if (id === 'data') {
      if (!fmt) throw new Error('data before fmt')
      if (body + size > buf.length) throw new Error('data chunk runs past the end')
      let loud = 0
      for (let i = body; i + 1 < body + size; i += 2) if (Math.abs(buf.readInt16LE(i)) > 1000) loud++
      const bytesPerSecond = fmt.sampleRate * fmt.channels * (fmt.bitsPerSample / 8)
      return { ...fmt, dataBytes: size, seconds: size / bytesPerSecond, loudSamples: loud }
    }
    offset = body + size + (size % 2)
  }
  throw new Error('no data chunk')
}
