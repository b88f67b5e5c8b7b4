import { mkdtemp } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AppStatus, CallInfo, HistoryStatus, Settings } from '../../../src-preload/contract'
import { memoryStore, type KeyValueStore } from '../../../src-main/core/ports'
import { startSession, type Session } from '../../../src-main/core/session'
import type { SessionOptions } from '../../../src-main/core/session-types'
import { EventRecorder } from './events'
import { ok } from '../../helpers/bridge-result'

const sessions: Session[] = []
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.stop()))
})

async function start(dir: string, extra: Partial<SessionOptions> = {}, settings: KeyValueStore = memoryStore()) {
  const session = await startSession({ mode: 'sandbox', dataDir: dir, settings, ...extra })
  sessions.push(session)
  const recorder = new EventRecorder()
  session.onEvent(recorder.push)
  return { session, recorder }
}

async function endedCall(session: Session): Promise<string> {
  const status = ok(await session.invoke('app.status', {})) as AppStatus
  const { callId } = ok(await session.invoke('sandbox.dial', { to: status.sandbox!.number.phoneNumber })) as { callId: string }
  ok(await session.invoke('sandbox.hangup', { callId }))
  return callId
}

describe('history on disk, from the bridge', () => {
  it('Clear history removes ended calls from the board, the disk and the next start; live calls stay', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sb-history-'))
    const first = await start(dir)
    const ended = await endedCall(first.session)
    const status = ok(await first.session.invoke('app.status', {})) as AppStatus
    const { callId: live } = ok(await first.session.invoke('sandbox.dial', { to: status.sandbox!.number.phoneNumber })) as { callId: string }
    const before = ok(await first.session.invoke('history.status', {})) as HistoryStatus
    expect(before).toMatchObject({ retentionDays: 90, files: 1 })
    expect(before.bytes).toBeGreaterThan(0)

    ok(await first.session.invoke('history.clear', {}))
    await first.recorder.waitFor('history.cleared')
    const listed = ok(await first.session.invoke('calls.list', {})) as { items: CallInfo[] }
    expect(listed.items.map((c) => c.id)).toEqual([live])
    const deliveries = ok(await first.session.invoke('webhooks.deliveries', {})) as { total: number }
    expect(deliveries.total).toBe(0)

    await first.session.stop()
    const second = await start(dir)
    const after = ok(await second.session.invoke('calls.list', {})) as { items: CallInfo[] }
    expect(after.items.map((c) => c.id)).not.toContain(ended)
    expect(after.items.map((c) => c.id)).toContain(live)
  })

  it('flags a journal that cannot write in app.status, and emits the change at once', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sb-history-'))
    let failing = false
    const { session, recorder } = await start(dir, {
      journalSync: async (file: FileHandle) => {
        if (failing) throw new Error('ENOSPC: no space left on device, fdatasync')
        await file.datasync()
      }
    })
    expect((ok(await session.invoke('app.status', {})) as AppStatus).journal?.ok).toBe(true)
    failing = true
    await endedCall(session)
    const flagged = await recorder.waitFor('app.status', (s) => s.journal?.ok === false)
    expect(flagged.journal?.error).toContain('ENOSPC')
    expect((ok(await session.invoke('app.status', {})) as AppStatus).journal?.ok).toBe(false)
  })

  it('refuses a deadline margin that is not shorter than the webhook timeout, and saves nothing', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sb-history-'))
    const settings = memoryStore()
    const { session } = await start(dir, {}, settings)
    const refused = await session.invoke('settings.update', { deadlineMarginSeconds: 30 })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error).toMatchObject({ code: 'invalid_params', message: expect.stringContaining('must be shorter than the webhook timeout (30 s)') })
    const also = await session.invoke('settings.update', { webhookTimeoutSeconds: 5, deadlineMarginSeconds: 5 })
    expect(also.ok).toBe(false)
    expect((ok(await session.invoke('settings.get', {})) as Settings).deadlineMarginSeconds).toBe(3)
    expect(settings.get('settings')).toBeUndefined()
    const fine = ok(await session.invoke('settings.update', { webhookTimeoutSeconds: 10, deadlineMarginSeconds: 4 })) as Settings
    expect(fine).toMatchObject({ webhookTimeoutSeconds: 10, deadlineMarginSeconds: 4 })
  })
})
