import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createQuitController, STOP_TIMEOUT_MS } from '../../src-main/shell/quit-controller'
import type { QuitControllerOptions } from '../../src-main/shell/quit-controller'
import { acquireSingleInstanceLock } from '../../src-main/shell/single-instance'
import { fakeClock } from '../server/helpers/fake-clock'
import { app, resetElectronMock } from './mocks/electron'

vi.mock('electron', () => import('./mocks/electron'))

const electronApp = app as unknown as QuitControllerOptions['app']

beforeEach(() => resetElectronMock())

describe('quit controller', () => {
  it('cuts a stop that never settles short, exits non-zero and frees the lock', async () => {
    const clock = fakeClock()
    const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() }
    app.requestSingleInstanceLock()
    const controller = createQuitController({ app: electronApp, stop: () => new Promise<void>(() => {}), logger, clock })
    app.quit()
    expect(controller.state()).toBe('stopping')
    clock.advance(STOP_TIMEOUT_MS - 1)
    await Promise.resolve()
    expect(app.exited).toBeNull()
    clock.advance(1)
    await vi.waitFor(() => expect(app.exited).toBe(1))
    expect(app.lockHeld).toBe(false)
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('did not stop in time'))
  })

  it('a logoff or shutdown stop and a quit share one stop', async () => {
    const stop = vi.fn(async () => {})
    const controller = createQuitController({ app: electronApp, stop, clock: fakeClock() })
    const first = controller.stopNow()
    app.quit()
    await first
    await vi.waitFor(() => expect(app.exited).toBe(0))
    expect(stop).toHaveBeenCalledOnce()
  })

  it('quits at once when nothing was started', async () => {
    createQuitController({ app: electronApp, stop: () => null, clock: fakeClock() })
    app.quit()
    await vi.waitFor(() => expect(app.exited).toBe(0))
  })
})

describe('single-instance lock', () => {
  it('under dev, waits for the old instance to let go of the lock, within a limit', async () => {
    const clock = fakeClock()
    let heldByOld = true
    const lockable = { requestSingleInstanceLock: vi.fn(() => !heldByOld) }
    const waiting = acquireSingleInstanceLock(lockable, { waitMs: 15_000, clock })
    clock.advance(1000)
    await Promise.resolve()
    heldByOld = false
    for (let n = 0; n < 5; n += 1) {
      clock.advance(250)
      await Promise.resolve()
    }
    await expect(waiting).resolves.toBe(true)
    heldByOld = true
    const givesUp = acquireSingleInstanceLock(lockable, { waitMs: 1000, clock })
    for (let n = 0; n < 10; n += 1) {
      clock.advance(250)
      await Promise.resolve()
    }
    await expect(givesUp).resolves.toBe(false)
    await expect(acquireSingleInstanceLock({ requestSingleInstanceLock: () => false }, { waitMs: 0, clock })).resolves.toBe(false)
  })
})
