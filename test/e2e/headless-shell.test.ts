/** The built headless shell as a browser and a log reader see it: its icon, and JSON log lines. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServe, type ServeHandle } from './helpers/serve'

let serve: ServeHandle

beforeAll(async () => {
  serve = await startServe(['--log-level', 'info'])
})

afterAll(async () => {
  if (serve) expect(await serve.stop()).toBe(0)
})

describe('headless shell', () => {
  it('answers 200 for the favicon, as .ico and .svg', async () => {
    const origin = new URL(serve.ready.ui).origin
    const ico = await fetch(`${origin}/favicon.ico`)
    expect(ico.status).toBe(200)
    expect(ico.headers.get('content-type')).toBe('image/x-icon')
    expect(Buffer.from(await ico.arrayBuffer()).readUInt16LE(2)).toBe(1)
    const svg = await fetch(`${origin}/favicon.svg`)
    expect(svg.status).toBe(200)
    expect(svg.headers.get('content-type')).toBe('image/svg+xml')
    expect(await svg.text()).toContain('<svg')
  })

  it('logs JSON lines on stderr; stdout held only the ready line', async () => {
    await serve.stop()
    const lines = serve.stderr().trim().split('\n')
    expect(lines.length).toBeGreaterThan(1)
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ level: expect.any(Number), time: expect.any(String), msg: expect.any(String) })
    expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(expect.arrayContaining(['starting', 'running in sandbox mode', 'SIGTERM: shutting down']))
  })
})
