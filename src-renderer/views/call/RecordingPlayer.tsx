import { Pause, Play } from 'lucide-react'
import { useEffect, useRef, useState } from 'react'
import { formatDuration } from '../../lib/format'

export const SPEEDS = [0.75, 1, 1.25, 1.5, 2] as const
/** Arrow keys on the seek bar move this many seconds. */
const SEEK_STEP = 5

const clock = (seconds: number): string => formatDuration(Number.isFinite(seconds) ? seconds * 1000 : 0)

/**
 * A small player on a plain <audio>: play and pause, a seek bar (a range input, so arrow keys,
 * Home and End work and screen readers hear "0:12 of 1:05"), and the speed, 0.75× to 2×.
 */
export function RecordingPlayer({ src, label = 'Call recording' }: { src: string; label?: string }) {
  const audio = useRef<HTMLAudioElement>(null)
  const [playing, setPlaying] = useState(false)
  const [time, setTime] = useState(0)
  const [duration, setDuration] = useState(0)
  const [speed, setSpeed] = useState<number>(1)
  const [error, setError] = useState<string | null>(null)

  // The element forgets its rate when a new source loads; ours is the one the person chose.
  useEffect(() => {
    if (audio.current) audio.current.playbackRate = speed
  }, [speed, src])

  const toggle = (): void => {
    const el = audio.current
    if (!el) return
    if (el.paused) {
      el.play().catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)))
    } else el.pause()
  }
  const seek = (to: number): void => {
    const el = audio.current
    if (!el) return
    el.currentTime = Math.max(0, Math.min(to, Number.isFinite(el.duration) ? el.duration : to))
    setTime(el.currentTime)
  }
  const Icon = playing ? Pause : Play

  return (
    <div className="player" role="group" aria-label="Recording player">
      <audio
        ref={audio}
        src={src}
        preload="metadata"
        aria-label={label}
        onPlay={() => {
          setPlaying(true)
          setError(null)
        }}
        onPause={() => setPlaying(false)}
        onEnded={() => setPlaying(false)}
        onTimeUpdate={(e) => setTime(e.currentTarget.currentTime)}
        onLoadedMetadata={(e) => {
          setDuration(e.currentTarget.duration)
          e.currentTarget.playbackRate = speed
        }}
        onDurationChange={(e) => setDuration(e.currentTarget.duration)}
        onError={() => setError('This recording cannot be played here.')}
      />
      <button type="button" className="button player-toggle" onClick={toggle} aria-label={playing ? 'Pause' : 'Play'}>
        <Icon size={14} aria-hidden="true" />
      </button>
      <input
        type="range"
        className="player-seek"
        min={0}
        max={Number.isFinite(duration) && duration > 0 ? duration : 0}
        step={0.1}
        value={time}
        aria-label="Position"
        aria-valuetext={`${clock(time)} of ${clock(duration)}`}
        onChange={(e) => seek(Number(e.currentTarget.value))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
            e.preventDefault()
            seek(time + (e.key === 'ArrowRight' ? SEEK_STEP : -SEEK_STEP))
          }
        }}
      />
      <span className="mono small player-time" aria-hidden="true">
        {clock(time)} / {clock(duration)}
      </span>
      <label className="small player-speed">
        Speed{' '}
        <select value={speed} onChange={(e) => setSpeed(Number(e.currentTarget.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      {error ? (
        <span className="small" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  )
}
