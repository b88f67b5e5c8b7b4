/**
 * A call's recording, synthesised from its record on request: a real 16-bit mono PCM WAV as long as
 * the call (whole seconds, at least one, capped), with a voice-like hum for each spoken line — a
 * lower voice for the caller, a higher one for the agent — placed in the order they were spoken.
 * Nothing is stored, so a recording survives a restart exactly as long as its call does.
 */
import { durationSeconds } from './call-state'
import type { CallRec } from './types'

export const SAMPLE_RATE = 8000
/** Longer calls are recorded up to this length (keeps the file under 5 MB). */
export const MAX_RECORDING_SECONDS = 300

const SECONDS_PER_WORD = 0.35
const GAP_SECONDS = 0.25

interface Segment {
  start: number
  length: number
  pitch: number
}

/** Where each spoken line falls in the recording, scaled down when the words outlast the call. */
export function layout(call: CallRec, seconds: number): Segment[] {
  const answered = Date.parse(call.answeredAt ?? call.startedAt)
  const segments: Segment[] = []
  let cursor = 0
  for (const turn of call.turns) {
    if (!turn.content) continue
    const at = Math.max(cursor, (Date.parse(turn.createdAt) - answered) / 1000)
    const words = turn.content.trim().split(/\s+/).length
    const length = Math.min(6, Math.max(0.6, words * SECONDS_PER_WORD))
    segments.push({ start: at, length, pitch: turn.role === 'user' ? 120 : 190 })
    cursor = at + length + GAP_SECONDS
  }
  const needed = cursor - GAP_SECONDS
  const scale = needed > seconds ? seconds / needed : 1
  return segments.map((s) => ({ ...s, start: s.start * scale, length: s.length * scale }))
}

function header(dataBytes: number): Buffer {
  const h = Buffer.alloc(44)
  h.write('RIFF', 0, 'ascii')
  h.writeUInt32LE(36 + dataBytes, 4)
  h.write('WAVE', 8, 'ascii')
  h.write('fmt ', 12, 'ascii')
  h.writeUInt32LE(16, 16) // fmt chunk size
  h.writeUInt16LE(1, 20) // PCM
  h.writeUInt16LE(1, 22) // mono
  h.writeUInt32LE(SAMPLE_RATE, 24)
  h.writeUInt32LE(SAMPLE_RATE * 2, 28) // bytes per second
  h.writeUInt16LE(2, 32) // block align
  h.writeUInt16LE(16, 34) // bits per sample
  h.write('data', 36, 'ascii')
  h.writeUInt32LE(dataBytes, 40)
  return h
}

/** A few harmonics of a wavering pitch, swelling at a syllable rate: reads as speech on a waveform. */
function voice(samples: Int16Array, seg: Segment): void {
  const from = Math.floor(seg.start * SAMPLE_RATE)
  const to = Math.min(samples.length, Math.floor((seg.start + seg.length) * SAMPLE_RATE))
  let phase = 0
  for (let i = from; i < to; i++) {
    const t = (i - from) / SAMPLE_RATE
    const pitch = seg.pitch * (1 + 0.06 * Math.sin(2 * Math.PI * 1.3 * t))
    phase += (2 * Math.PI * pitch) / SAMPLE_RATE
    const syllables = 0.55 - 0.45 * Math.cos(2 * Math.PI * 4 * t)
    const edge = Math.min(1, t / 0.05, (to - i) / SAMPLE_RATE / 0.05)
    const wave = Math.sin(phase) + 0.5 * Math.sin(2 * phase) + 0.25 * Math.sin(3 * phase)
    samples[i] = Math.round(7000 * syllables * edge * wave)
  }
}

/** The whole file; `null` when the call has not ended (a live call has no recording yet). */
export function recordingWav(call: CallRec): Buffer | null {
  const duration = durationSeconds(call)
  if (duration === null) return null
  const seconds = Math.min(MAX_RECORDING_SECONDS, Math.max(1, duration))
  const samples = new Int16Array(seconds * SAMPLE_RATE)
  for (const seg of layout(call, seconds)) voice(samples, seg)
  // Typed arrays use the platform's byte order, little-endian on every platform Node supports: as WAV wants.
  const data = Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength)
  return Buffer.concat([header(data.length), data])
}
