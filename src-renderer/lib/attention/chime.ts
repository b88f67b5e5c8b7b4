import type { BridgeClient } from '../../bridge/bridge-client'
import { isMuted } from '../../store/alerts-slice'
import type { AppStore } from '../../store/types'
import { waitsForPerson } from '../call-state'
import chimeDataUrl from '../../../resources/chime.wav?inline'

/** Plays the chime at a volume from 0 to 1. */
export type ChimePlayer = { play(volume: number): void }

function dataUrlBytes(dataUrl: string): ArrayBuffer {
  const binary = atob(dataUrl.slice(dataUrl.indexOf(',') + 1))
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes.buffer
}

/**
 * The bundled chime through Web Audio. The sound is inlined in the bundle and decoded from memory:
 * the Electron window loads from file://, where fetch() cannot read a file, and no media-src
 * needs opening in either shell's content policy. Null where there is no Web Audio (jsdom).
 *
 * Starting an audio context and decoding the sound take a noticeable moment (measured: 100–500 ms
 * on a busy machine), so neither happens in the task that shows a waiting turn: both are done
 * after the person's first click or key (browsers only let a page make sound after one anyway),
 * and a chime always plays in a later task, after the alert has been drawn.
 */
export function webAudioChime(): ChimePlayer | null {
  const Ctx = typeof window === 'undefined' ? undefined : window.AudioContext
  if (!Ctx) return null
  let audio: { ctx: AudioContext; sound: Promise<AudioBuffer> } | null = null
  const ready = (): { ctx: AudioContext; sound: Promise<AudioBuffer> } => {
    if (!audio) {
      const ctx = new Ctx()
      audio = { ctx, sound: ctx.decodeAudioData(dataUrlBytes(chimeDataUrl)) }
      audio.sound.catch(() => undefined)
    }
    return audio
  }
  const warmUp = (): void => {
    window.removeEventListener('pointerdown', warmUp, true)
    window.removeEventListener('keydown', warmUp, true)
    setTimeout(() => void ready().ctx.resume().catch(() => undefined), 0)
  }
  window.addEventListener('pointerdown', warmUp, true)
  window.addEventListener('keydown', warmUp, true)
  return {
    play(volume) {
      setTimeout(() => {
        const { ctx, sound } = ready()
        void ctx.resume().catch(() => undefined)
        sound
          .then((buffer) => {
            const source = ctx.createBufferSource()
            source.buffer = buffer
            const gain = ctx.createGain()
            gain.gain.value = Math.min(1, Math.max(0, volume))
            source.connect(gain).connect(ctx.destination)
            source.start()
          })
          .catch(() => undefined) // a sound that cannot play is no reason to disturb anything else
      }, 0)
    }
  }
}

/** Whether a new waiting turn should chime, given this window's switches and a shared mute. */
export function shouldChime(store: AppStore, callId: string, focused: boolean): boolean {
  const s = store.getState()
  const { chime, volume } = s.alertPrefs
  if (!chime || volume <= 0 || isMuted(s.status?.alertsMutedUntil)) return false
  if (!waitsForPerson(s.calls[callId])) return false
  // Already answering that very call in a focused window: the person is looking at it.
  return !(focused && s.view === 'monitor' && s.openCallId === callId)
}

/** Chimes once when a turn starts waiting (not for turns already waiting when the window opened). */
export function startChime(
  store: AppStore,
  bridge: BridgeClient,
  player: ChimePlayer | null,
  hasFocus: () => boolean = () => document.hasFocus()
): () => void {
  if (!player) return () => undefined
  return bridge.on('turn.opened', (turn) => {
    if (shouldChime(store, turn.callId, hasFocus())) player.play(store.getState().alertPrefs.volume)
  })
}
