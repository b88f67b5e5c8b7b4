/**
 * When Switchboard looks for an update, when it offers one, and when it may restart to install it.
 * Plain code (no Electron): the engine that reads the release feed, downloads and installs is
 * handed in (electron-updater in the packaged app), and so is what counts as "busy".
 *
 * - Check shortly after start, then every few hours; a failed check waits for the next one.
 * - A newer version downloads in the background at once; nothing is installed without a person.
 * - Once downloaded, "Restart to update" is offered, but held while a call is live or a turn waits:
 *   a restart would drop the caller. The offer comes back by itself when they end.
 */
import type { UpdateStatus } from '../../../src-preload/contract'
import type { Clock, Logger, Timer } from '../ports'
import { silentLogger, systemClock } from '../ports'

export interface UpdateEngine {
  /** Reads the release feed: the version on offer when it is newer than this one, else null. */
  check(): Promise<string | null>
  /** Downloads (and verifies) the version `check` offered. */
  download(onProgress: (percent: number) => void): Promise<void>
  /** Quits, installs what was downloaded, and starts the new version. */
  install(): void
  /**
   * Failures the updater reports on its own, after a download (macOS refusing an unsigned update,
   * an installer that would not start): the downloaded update cannot be installed after all.
   */
  onFailure?(listener: (message: string) => void): () => void
}

export interface BusySource {
  busyReason(): string | null
  onChange(listener: () => void): () => void
}

export interface UpdatePolicyOptions {
  engine: UpdateEngine
  busy: BusySource
  currentVersion: string
  clock?: Clock
  /** After start, so the first check does not compete with the app starting. */
  firstCheckMs?: number
  intervalMs?: number
  logger?: Logger
}

export const FIRST_CHECK_MS = 10_000
export const CHECK_INTERVAL_MS = 4 * 60 * 60_000

export interface UpdatePolicy {
  start(): void
  stop(): void
  status(): UpdateStatus
  onStatus(listener: (status: UpdateStatus) => void): () => void
  /** Checks now (and downloads what it finds); resolves with the status after. */
  checkNow(): Promise<UpdateStatus>
  /** Restarts into the downloaded version, unless that would cut off a call. */
  restart(): { ok: true } | { ok: false; reason: string }
}

type Phase = { state: 'idle' | 'checking' } | { state: 'downloading'; version: string; percent: number } | { state: 'ready'; version: string } | { state: 'error'; message: string }

export function createUpdatePolicy(options: UpdatePolicyOptions): UpdatePolicy {
  const { engine, busy, currentVersion } = options
  const clock = options.clock ?? systemClock
  const logger = options.logger ?? silentLogger
  const intervalMs = options.intervalMs ?? CHECK_INTERVAL_MS
  let phase: Phase = { state: 'idle' }
  let checkedAt: string | null = null
  let timer: Timer | null = null
  let running: Promise<void> | null = null
  let stopped = true
  let last = ''
  const listeners = new Set<(status: UpdateStatus) => void>()

  const status = (): UpdateStatus => {
    const heldBy = phase.state === 'ready' ? busy.busyReason() : null
    const base = { currentVersion, checkedAt, heldBy, canRestart: phase.state === 'ready' && heldBy === null }
    switch (phase.state) {
      case 'idle':
        return { ...base, state: 'idle', version: null, percent: null, detail: checkedAt ? `Switchboard ${currentVersion} is up to date.` : 'Switchboard looks for updates shortly after it starts.' }
      case 'checking':
        return { ...base, state: 'checking', version: null, percent: null, detail: 'Looking for an update…' }
      case 'downloading':
        return { ...base, state: 'downloading', version: phase.version, percent: phase.percent, detail: `Downloading Switchboard ${phase.version} in the background…` }
      case 'ready':
        return {
          ...base,
          state: 'ready',
          version: phase.version,
          percent: 100,
          detail: heldBy ? `Switchboard ${phase.version} is ready; it installs once no call is live and no caller waits (now ${heldBy}).` : `Switchboard ${phase.version} is ready: restart to update.`
        }
      case 'error':
        return { ...base, state: 'error', version: null, percent: null, detail: `The update could not be fetched (${phase.message}); Switchboard tries again later.` }
    }
  }

  /** Tells listeners, once per actual change (progress ticks included, repeats not). */
  const publish = (): void => {
    const now = status()
    const key = JSON.stringify(now)
    if (key === last) return
    last = key
    for (const listener of listeners) listener(now)
  }
  const enter = (next: Phase): void => {
    phase = next
    publish()
  }

  const schedule = (ms: number): void => {
    timer?.cancel()
    timer = stopped ? null : clock.after(ms, () => void checkNow().catch(() => undefined))
  }

  const run = async (): Promise<void> => {
    enter({ state: 'checking' })
    try {
      const version = await engine.check()
      checkedAt = new Date(clock.now()).toISOString()
      if (!version) {
        enter({ state: 'idle' })
        return
      }
      logger.info('an update is available; downloading', { version })
      enter({ state: 'downloading', version, percent: 0 })
      await engine.download((percent) => {
        if (phase.state === 'downloading') enter({ ...phase, percent: Math.max(0, Math.min(100, Math.round(percent))) })
      })
      logger.info('update downloaded', { version })
      enter({ state: 'ready', version })
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0]! : String(error)
      logger.warn('update check failed', { error: message })
      enter({ state: 'error', message })
    }
  }

  const checkNow = async (): Promise<UpdateStatus> => {
    // One at a time; once an update is ready there is nothing more to fetch until it is installed.
    if (phase.state === 'ready') return status()
    running ??= run().finally(() => {
      running = null
      if (phase.state !== 'ready') schedule(intervalMs)
    })
    await running
    return status()
  }

  const offBusy = busy.onChange(publish)
  const offFailure =
    engine.onFailure?.((message) => {
      // Check and download failures already arrive as rejections; this is for what comes after.
      if (phase.state !== 'ready') return
      logger.warn('the downloaded update cannot be installed', { error: message })
      enter({ state: 'error', message })
      schedule(intervalMs)
    }) ?? (() => {})

  return {
    start() {
      if (!stopped) return
      stopped = false
      schedule(options.firstCheckMs ?? FIRST_CHECK_MS)
    },
    stop() {
      stopped = true
      timer?.cancel()
      timer = null
      offBusy()
      offFailure()
    },
    status,
    onStatus(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    checkNow,
    restart() {
      if (phase.state !== 'ready') return { ok: false, reason: 'No update has been downloaded yet.' }
      const heldBy = busy.busyReason()
      if (heldBy) return { ok: false, reason: `Not now: ${heldBy}. Restart to update once it is over (quitting also installs the update).` }
      logger.info('restarting to install the update', { version: phase.version })
      engine.install()
      return { ok: true }
    }
  }
}
