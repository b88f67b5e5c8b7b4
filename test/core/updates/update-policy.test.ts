/**
 * The update policy on its own, with a clock the test moves: when it checks, what it offers, and
 * when a restart is allowed. The engine is a stand-in that records what the policy asked of it
 * (the real one, electron-updater over HTTP, is in test/shell/updates-feed.test.ts).
 */
import { describe, expect, it } from 'vitest'
import type { UpdateStatus } from '../../../src-preload/contract'
import { CHECK_INTERVAL_MS, createUpdatePolicy, FIRST_CHECK_MS, type UpdateEngine } from '../../../src-main/core/updates/update-policy'
import { fakeClock } from '../../server/helpers/fake-clock'

function engine(offers: Array<string | null | Error>) {
  const calls: string[] = []
  let progress: ((percent: number) => void) | null = null
  let finishDownload: (() => void) | null = null
  const fake: UpdateEngine = {
    async check() {
      calls.push('check')
      const next = offers.shift() ?? null
      if (next instanceof Error) throw next
      return next
    },
    download(onProgress) {
      calls.push('download')
      progress = onProgress
      return new Promise<void>((resolve) => (finishDownload = resolve))
    },
    install: () => void calls.push('install')
  }
  return { fake, calls, progress: (p: number) => progress?.(p), finish: () => finishDownload?.() }
}

function busySource(initial: string | null = null) {
  let reason = initial
  const listeners = new Set<() => void>()
  return {
    busyReason: () => reason,
    onChange: (l: () => void) => (listeners.add(l), () => void listeners.delete(l)),
    set(next: string | null) {
      reason = next
      for (const l of listeners) l()
    }
  }
}

const tick = () => new Promise((r) => setTimeout(r, 0))

describe('update policy', () => {
  it('checks shortly after start and then every few hours, never before', async () => {
    const clock = fakeClock()
    const { fake, calls } = engine([null, null, null])
    const policy = createUpdatePolicy({ engine: fake, busy: busySource(), currentVersion: '1.0.0', clock })
    policy.start()
    clock.advance(FIRST_CHECK_MS - 1)
    expect(calls).toEqual([])
    clock.advance(1)
    await tick()
    expect(calls).toEqual(['check'])
    expect(policy.status()).toMatchObject({ state: 'idle', detail: 'Switchboard 1.0.0 is up to date.', checkedAt: new Date(clock.now()).toISOString() })
    clock.advance(CHECK_INTERVAL_MS - 1)
    await tick()
    expect(calls).toEqual(['check'])
    clock.advance(1)
    await tick()
    expect(calls).toEqual(['check', 'check'])
    expect(CHECK_INTERVAL_MS).toBeGreaterThanOrEqual(60 * 60_000)
    policy.stop()
    clock.advance(CHECK_INTERVAL_MS * 3)
    await tick()
    expect(calls).toHaveLength(2)
  })

  it('after a failed check, says so and tries again at the next interval', async () => {
    const clock = fakeClock()
    const { fake, calls } = engine([new Error('getaddrinfo ENOTFOUND github.com\n    at stack'), null])
    const policy = createUpdatePolicy({ engine: fake, busy: busySource(), currentVersion: '1.0.0', clock, firstCheckMs: 0 })
    policy.start()
    clock.advance(0)
    await tick()
    expect(policy.status()).toMatchObject({ state: 'error', detail: 'The update could not be fetched (getaddrinfo ENOTFOUND github.com); Switchboard tries again later.' })
    clock.advance(CHECK_INTERVAL_MS)
    await tick()
    expect(calls).toEqual(['check', 'check'])
    expect(policy.status().state).toBe('idle')
  })

  it('downloads what it finds in the background, reports progress, then offers the restart', async () => {
    const { fake, calls, progress, finish } = engine(['1.1.0'])
    const policy = createUpdatePolicy({ engine: fake, busy: busySource(), currentVersion: '1.0.0', clock: fakeClock() })
    const seen: UpdateStatus[] = []
    policy.onStatus((s) => seen.push(s))
    const done = policy.checkNow()
    await tick()
    expect(policy.status()).toMatchObject({ state: 'downloading', version: '1.1.0', percent: 0, canRestart: false })
    progress(42.4)
    progress(42.4) // the same again tells nobody
    expect(seen.filter((s) => s.percent === 42)).toHaveLength(1)
    expect(policy.restart()).toEqual({ ok: false, reason: 'No update has been downloaded yet.' })
    finish()
    expect(await done).toMatchObject({ state: 'ready', version: '1.1.0', canRestart: true, heldBy: null })
    expect(seen.map((s) => s.state)).toEqual(['checking', 'downloading', 'downloading', 'ready'])
    expect(calls).toEqual(['check', 'download'])
  })

  it('never restarts while something is busy, and offers the restart again once it is over', async () => {
    const busy = busySource('a call is live')
    const { fake, calls, finish } = engine(['1.1.0'])
    const policy = createUpdatePolicy({ engine: fake, busy, currentVersion: '1.0.0', clock: fakeClock() })
    const seen: UpdateStatus[] = []
    policy.onStatus((s) => seen.push(s))
    const done = policy.checkNow()
    await tick()
    finish()
    expect(await done).toMatchObject({ state: 'ready', canRestart: false, heldBy: 'a call is live' })
    expect(policy.restart()).toEqual({ ok: false, reason: 'Not now: a call is live. Restart to update once it is over (quitting also installs the update).' })
    busy.set('a caller is waiting for an answer')
    expect(policy.restart().ok).toBe(false)
    expect(calls).not.toContain('install')
    busy.set(null)
    expect(seen.at(-1)).toMatchObject({ state: 'ready', canRestart: true, heldBy: null })
    expect(policy.restart()).toEqual({ ok: true })
    expect(calls.filter((c) => c === 'install')).toHaveLength(1)
  })

  it('runs one check at a time, and none once an update waits to be installed', async () => {
    const clock = fakeClock()
    const { fake, calls, finish } = engine(['1.1.0', '1.2.0'])
    const policy = createUpdatePolicy({ engine: fake, busy: busySource(), currentVersion: '1.0.0', clock })
    const first = policy.checkNow()
    const second = policy.checkNow()
    await tick()
    finish()
    await Promise.all([first, second])
    expect(calls).toEqual(['check', 'download'])
    await policy.checkNow()
    clock.advance(CHECK_INTERVAL_MS * 2)
    await tick()
    expect(calls).toEqual(['check', 'download'])
    expect(policy.status().version).toBe('1.1.0')
  })
})

describe('update policy: failures after the download', () => {
  it('withdraws the offer when the updater reports it cannot install what it downloaded', async () => {
    const clock = fakeClock()
    const { fake, calls, finish } = engine(['1.1.0', null])
    let fail: (message: string) => void = () => {}
    fake.onFailure = (listener) => ((fail = listener), () => (fail = () => {}))
    const policy = createUpdatePolicy({ engine: fake, busy: busySource(), currentVersion: '1.0.0', clock })
    policy.start()
    const done = policy.checkNow()
    await tick()
    finish()
    expect((await done).canRestart).toBe(true)
    fail('Could not get code signature for running application')
    expect(policy.status()).toMatchObject({ state: 'error', canRestart: false, detail: expect.stringContaining('Could not get code signature') })
    expect(policy.restart()).toEqual({ ok: false, reason: 'No update has been downloaded yet.' })
    // And it tries again later, like any failed check.
    clock.advance(CHECK_INTERVAL_MS)
    await tick()
    expect(calls.filter((c) => c === 'check')).toHaveLength(2)
    expect(calls).not.toContain('install')
  })
})
