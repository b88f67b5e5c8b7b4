/** The application menu offers Reload and DevTools only outside a packaged build. */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as electron from './mocks/electron'

vi.mock('electron', () => import('./mocks/electron'))

const actions = { openDocs: vi.fn(), copyDiagnostics: vi.fn(), showLogs: vi.fn() }

async function installed(packaged: boolean, platform: NodeJS.Platform) {
  const { installAppMenu } = await import('../../src-main/shell/app-menu')
  installAppMenu({ packaged, platform, actions })
  return electron.Menu.getApplicationMenu()!.flat().map((item) => item.role)
}

beforeEach(() => electron.resetElectronMock())

describe('application menu', () => {
  it.each(['linux', 'win32', 'darwin'] as const)('packaged on %s: no Reload, Force Reload or DevTools', async (platform) => {
    const roles = await installed(true, platform)
    for (const role of ['reload', 'forceReload', 'toggleDevTools']) expect(roles).not.toContain(role)
    expect(roles).toEqual(expect.arrayContaining(['copy', 'paste', 'resetZoom']))
  })

  it('from source (npm start, npm run dev): Reload and DevTools are there to develop with', async () => {
    const roles = await installed(false, 'linux')
    expect(roles).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']))
  })
})
