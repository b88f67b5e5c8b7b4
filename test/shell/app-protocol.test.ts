import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createAppRequestHandler } from '../../src-main/shell/app-protocol'
import { buildCsp } from '../../src-main/shell/csp'

let dir: string
const csp = buildCsp(null)
let handle: (request: Request) => Promise<Response>

beforeAll(() => {
  const base = mkdtempSync(path.join(os.tmpdir(), 'app-scheme-'))
  dir = path.join(base, 'renderer')
  mkdirSync(path.join(dir, 'assets'), { recursive: true })
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html>')
  writeFileSync(path.join(dir, 'assets', 'index-abc.js'), 'export {}')
  writeFileSync(path.join(base, 'secret.txt'), 'not for the page')
  symlinkSync(path.join(base, 'secret.txt'), path.join(dir, 'link.txt'))
  handle = createAppRequestHandler(dir, csp)
})

const get = (url: string, method = 'GET') => handle(new Request(url, { method }))

describe('the switchboard:// protocol handler', () => {
  it('serves out/renderer with its types and the CSP header', async () => {
    const page = await get('switchboard://app/index.html')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(csp)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await page.text()).toBe('<!doctype html>')
    const script = await get('switchboard://app/assets/index-abc.js')
    // Module scripts are refused by Chromium unless served as JavaScript.
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect((await get('switchboard://app/')).status).toBe(200)
  })

  it('serves nothing outside out/renderer, nor for another host or method', async () => {
    for (const url of [
      'switchboard://app/../secret.txt',
      'switchboard://app/%2e%2e/secret.txt',
      'switchboard://app/link.txt',
      'switchboard://app/assets',
      'switchboard://app/missing.js',
      'switchboard://other/index.html'
    ]) {
      const response = await get(url)
      expect(response.status, url).toBeGreaterThanOrEqual(400)
      expect(await response.text()).not.toContain('not for the page')
      expect(response.headers.get('content-security-policy')).toBe(csp)
    }
    expect((await get('switchboard://app/index.html', 'POST')).status).toBe(405)
  })
})
