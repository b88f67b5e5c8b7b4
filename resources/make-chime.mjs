// Writes resources/chime.wav: the short chime played when a caller's turn starts waiting.
// Synthesised here rather than taken from a sound library, so its source and licence are this file.
// Deterministic: running it again writes the same bytes (a test checks the committed file).
//   node resources/make-chime.mjs [out.wav]
import { writeFileSync } from 'node:fs'
import { Buffer } from 'node:buffer'
import path from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

const RATE = 22_050 // plenty for two soft tones, and half the bytes of 44.1 kHz
const SECONDS = 0.6
/** Two notes a fifth apart (A5, E6), the second a little later: a "ding-dong" that reads as "look". */
const NOTES = [
  { hz: 880, start: 0, decay: 0.16, gain: 0.55 },
  { hz: 1318.51, start: 0.12, decay: 0.2, gain: 0.45 }
]
/** Headroom: the loudest sample stays well below full scale; the volume setting only turns it down. */
const PEAK = 0.5
const ATTACK = 0.004 // seconds of fade-in, so a note starts without a click

function samples() {
  const n = Math.round(RATE * SECONDS)
  const out = new Float64Array(n)
  for (const note of NOTES) {
    for (let i = Math.round(note.start * RATE); i < n; i++) {
      const t = i / RATE - note.start
      const envelope = Math.min(1, t / ATTACK) * Math.exp(-t / note.decay)
      // A touch of the octave above makes it a bell rather than a beep.
      const tone = Math.sin(2 * Math.PI * note.hz * t) + 0.25 * Math.sin(4 * Math.PI * note.hz * t)
      out[i] += note.gain * envelope * tone
    }
  }
  let max = 0
  for (const v of out) max = Math.max(max, Math.abs(v))
  // The last 20 ms fade to silence so the file ends without a click either.
  const tail = Math.round(0.02 * RATE)
  for (let i = 0; i < tail; i++) out[n - 1 - i] *= i / tail
  return out.map((v) => (v / max) * PEAK)
}

/** A mono 16-bit PCM WAV file. */
export function chimeWav() {
  const pcm = samples()
  const data = Buffer.alloc(pcm.length * 2)
  pcm.forEach((v, i) => data.writeInt16LE(Math.round(v * 32767), i * 2))
  const header = Buffer.alloc(44)
  header.write('RIFF', 0, 'ascii')
  header.writeUInt32LE(36 + data.length, 4)
  header.write('WAVE', 8, 'ascii')
  header.write('fmt ', 12, 'ascii')
  header.writeUInt32LE(16, 16) // fmt chunk size
  header.writeUInt16LE(1, 20) // PCM
  header.writeUInt16LE(1, 22) // mono
  header.writeUInt32LE(RATE, 24)
  header.writeUInt32LE(RATE * 2, 28) // bytes per second
  header.writeUInt16LE(2, 32) // block align
  header.writeUInt16LE(16, 34) // bits per sample
  header.write('data', 36, 'ascii')
  header.writeUInt32LE(data.length, 40)
  return Buffer.concat([header, data])
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), 'chime.wav')
  writeFileSync(out, chimeWav())
}
