import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createAppUrlPolicy } from '../../src-main/shell/app-url'
import { prepareSession } from '../../src-main/shell/prepare-session'
import { createMainWindow } from '../../src-main/shell/window'
import { fakeClock } from '../server/helpers/fake-clock'
import type { BrowserWindow} from './mocks/electron';
import { dialog, makeReady, resetElectronMock } from './mocks/electron'

vi.mock('electron', () => import('./mocks/electron'))

beforeEach(async () => {
  resetElectronMock()
  const dir = mkdtempSync(path.join(os.tmpdir(), 'renderer-'))
  mkdirSync(path.join(dir, 'assets'))
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>')
  await makeReady()
  prepareSession(createAppUrlPolicy(), dir)
})

function open(): BrowserWindow {
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() }
  return createMainWindow({ preloadPath: '/x/index.cjs', policy: createAppUrlPolicy(), logger, clock: fakeClock(), platform: 'linux' }) as unknown as BrowserWindow
}

describe('closing the window while the page holds unsaved edits', () => {
  it('asks; Stay (the default, and Escape) keeps the page, Leave lets it unload', () => {
    const window = open()
    const ask = vi.mocked(dialog.showMessageBoxSync)
    expect(window.webContents.unloadWithPageRefusing()).toBe(false)
    expect(ask).toHaveBeenCalledTimes(1)
    const [asked, options] = ask.mock.calls[0] as unknown as [unknown, { buttons: string[]; defaultId: number; cancelId: number; title: string }]
    expect(asked).toBe(window)
    expect(options.buttons[options.defaultId]).toBe('Stay')
    expect(options.buttons[options.cancelId]).toBe('Stay')
    expect(options.title).toBe('Leave without saving?')

    ask.mockReturnValueOnce(options.buttons.indexOf('Leave without saving'))
    expect(window.webContents.unloadWithPageRefusing()).toBe(true)
  })
})
