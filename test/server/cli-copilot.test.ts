import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AppStatus } from '../../src-preload/contract'
import { readCopilotSettings } from '../../src-main/core/copilot/copilot-settings'
import { silentLogger } from '../../src-main/core/ports'
import type { SessionOptions } from '../../src-main/core/session-types'
import { parseCliArgs, UsageError } from '../../src-main/server/cli-args'
import type { ServeArgs } from '../../src-main/server/cli-args'
import { runServe } from '../../src-main/server/cli-commands'
import { fakeSession } from './helpers/fake-session'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sb-cli-copilot-'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html>')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('switchboard serve --copilot', () => {
  it('reads the flag and refuses anything but off, suggest or autopilot', () => {
    expect((parseCliArgs(['serve', '--copilot', 'autopilot']) as ServeArgs).copilot).toBe('autopilot')
    expect((parseCliArgs(['serve']) as ServeArgs).copilot).toBeUndefined()
    expect(() => parseCliArgs(['serve', '--copilot', 'on'])).toThrow(new UsageError('--copilot must be off, suggest or autopilot, got "on"'))
  })

  it('hands the core the flag, OPENAI_BASE_URL, SWITCHBOARD_COPILOT_MODEL and OPENAI_API_KEY, writing none of them', async () => {
    let options: SessionOptions | undefined
    const dataDir = join(dir, 'data')
    const args = { ...(parseCliArgs(['serve', '--data-dir', dataDir, '--copilot', 'suggest']) as ServeArgs), receiverPort: 0 }
    const env = { OPENAI_BASE_URL: 'http://localhost:11434/v1', OPENAI_API_KEY: 'sk-from-env', SWITCHBOARD_COPILOT_MODEL: 'llama3.2' }
    const running = await runServe(args, {
      startSession: async (o) => {
        options = o as SessionOptions
        return Object.assign(fakeSession(), { status: () => ({ mode: 'sandbox', receiverUrl: 'http://127.0.0.1:1/webhook', simulatorUrl: null, notice: null }) as AppStatus })
      },
      staticDir: dir,
      env,
      logger: silentLogger,
      printLine: () => undefined
    })
    await running.stop()
    expect(readCopilotSettings(options!.settings!)).toMatchObject({ mode: 'suggest', baseUrl: 'http://localhost:11434/v1', model: 'llama3.2' })
    expect(options!.secrets!.get('copilotApiKey')).toBe('sk-from-env')
    const onDisk = ['config.json', 'secrets.json'].map((f) => join(dataDir, f)).filter(existsSync).map((f) => readFileSync(f, 'utf8')).join('\n')
    expect(onDisk).not.toContain('sk-from-env')
    expect(onDisk).not.toContain('llama3.2')
  })
})
