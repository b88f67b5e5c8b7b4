import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { createPino, recentLines, toLogger } from '../../src-main/server/json-logger'
import { openLogFile, switchableLogger } from '../../src-main/shell/log-file'

const logs = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.log')).sort()

describe('log file', () => {
  it('writes JSON lines into <userData>/logs and rolls over, keeping three old files', async () => {
    const userData = mkdtempSync(path.join(os.tmpdir(), 'userdata-'))
    const log = await openLogFile(userData, { size: '1k' })
    expect(log.dir).toBe(path.join(userData, 'logs'))
    for (let n = 0; n < 200; n += 1) {
      log.logger.info('turn opened', { n, callId: 'call_1', apiKey: 'sk_live_never_in_a_log' })
      // Rolling happens between writes; give the file stream a turn now and then.
      if (n % 20 === 0) await new Promise((r) => setTimeout(r, 5))
    }
    log.close()
    const readAll = () => logs(log.dir).map((f) => readFileSync(path.join(log.dir, f), 'utf8')).join('')
    await vi.waitFor(() => expect(readAll()).toContain('"n":199'))
    const files = logs(log.dir)
    expect(files.length).toBeGreaterThan(1)
    expect(files.length).toBeLessThanOrEqual(4)
    const text = readAll()
    const first = JSON.parse(text.split('\n')[0]!) as Record<string, unknown>
    expect(first).toMatchObject({ level: 30, msg: 'turn opened', callId: 'call_1', apiKey: '[redacted]' })
    expect(text).not.toContain('sk_live_never_in_a_log')
    expect(log.recent.lines().at(-1)).toContain('"n":199')
  })

  it('keeps the most recent lines for diagnostics and censors secret fields one level down', () => {
    const recent = recentLines(3)
    const logger = toLogger(createPino('info', recent.stream as never))
    logger.info('a', { webhook: { secret: 'whsec_x1' } })
    for (const n of [1, 2, 3]) logger.warn(`line ${n}`)
    expect(recent.lines().map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['line 1', 'line 2', 'line 3'])
    const again = recentLines()
    toLogger(createPino('warn', again.stream as never)).info('below the level')
    expect(again.lines()).toEqual([])
    const first = recentLines()
    toLogger(createPino('info', first.stream as never)).info('a', { webhook: { secret: 'whsec_x1' } })
    expect(first.lines()[0]).not.toContain('whsec_x1')
  })

  it('forwards to the console until the file is open, then to the file', () => {
    const seen: string[] = []
    const to = (name: string) => ({ info: (m: string) => seen.push(`${name}:${m}`), warn: () => {}, error: () => {} })
    const logger = switchableLogger(to('console'))
    logger.info('early')
    logger.use(to('file'))
    logger.info('later')
    expect(seen).toEqual(['console:early', 'file:later'])
  })
})
