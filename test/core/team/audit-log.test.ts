import { mkdtemp, readFile, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AuditEntry, BridgeResult } from '../../../src-preload/contract'
import { AUDIT_FILE, AUDIT_PREVIOUS_FILE, AuditLog } from '../../../src-main/core/audit/audit-log'
import { memorySecrets, memoryStore } from '../../../src-main/core/ports'
import { startSessionHost, type SessionHost } from '../../../src-main/core/session-host'
import { fakeClock } from '../../server/helpers/fake-clock'

const grace = { id: 'p_grace', name: 'Grace', role: 'operator' as const, local: false }
const hosts: SessionHost[] = []
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.stop()))
})

const value = <T>(r: BridgeResult<T>): T => {
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

describe('the activity trail', () => {
  it('appends JSON lines readable by the owner only, and answers the newest first', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sb-audit-'))
    const clock = fakeClock(Date.parse('2026-01-02T03:04:05Z'))
    const log = new AuditLog({ dir, clock })
    await log.record(grace, { action: 'answered a turn', target: 'call c1' })
    clock.advance(1000)
    await log.record(grace, { action: 'changed settings', detail: 'fallbackText' })
    expect((await stat(path.join(dir, AUDIT_FILE))).mode & 0o777).toBe(0o600)
    const lines = (await readFile(path.join(dir, AUDIT_FILE), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as AuditEntry)
    expect(lines.map((l) => l.action)).toEqual(['answered a turn', 'changed settings'])
    expect(await log.recent(10)).toEqual([
      { at: '2026-01-02T03:04:06.000Z', who: { id: 'p_grace', name: 'Grace', role: 'operator' }, action: 'changed settings', target: null, detail: 'fallbackText' },
      { at: '2026-01-02T03:04:05.000Z', who: { id: 'p_grace', name: 'Grace', role: 'operator' }, action: 'answered a turn', target: 'call c1', detail: null }
    ])
  })

  it('stays bounded: past the limit the file rolls over once, and the newest entries still read', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sb-audit-'))
    const log = new AuditLog({ dir, clock: fakeClock(), maxBytes: 2000 })
    for (let i = 0; i < 200; i++) await log.record(grace, { action: `action ${i}` })
    const live = (await stat(path.join(dir, AUDIT_FILE))).size
    const previous = (await stat(path.join(dir, AUDIT_PREVIOUS_FILE))).size
    expect(live).toBeLessThanOrEqual(2000)
    expect(previous).toBeLessThanOrEqual(2000)
    expect((await stat(path.join(dir, AUDIT_PREVIOUS_FILE))).mode & 0o777).toBe(0o600)
    const recent = await log.recent(5)
    expect(recent.map((e) => e.action)).toEqual(['action 199', 'action 198', 'action 197', 'action 196', 'action 195'])
  })

  it('records who did it from the caller, never a secret, and only commands that went through', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sb-audit-host-'))
    const h = await startSessionHost({ dataDir: dir, settings: memoryStore(), secrets: memorySecrets(), receiver: { port: 0 }, mode: 'sandbox' })
    hosts.push(h)
    const admin = { id: 'p_ada', name: 'Ada', role: 'admin' as const, local: false }
    value(await h.invoke('settings.update', { fallbackText: 'Please hold.' }, admin))
    value(await h.invoke('app.configure', { apiKey: 'sk_live_super_secret_value', tunnelUrl: 'https://t.example' }, admin))
    expect((await h.invoke('settings.update', { noSuchSetting: 1 }, admin)).ok).toBe(false)
    value(await h.invoke('calls.list', {}, grace)) // a read: not recorded
    const items = value(await h.invoke('team.activity', {}, admin)) as { items: AuditEntry[] }
    expect(items.items.map((e) => [e.who.name, e.action])).toEqual([
      ['Ada', 'changed the connection'],
      ['Ada', 'changed settings']
    ])
    expect(items.items[0]!.detail).toBe('API key replaced; tunnel URL https://t.example')
    expect(await readFile(path.join(dir, AUDIT_FILE), 'utf8')).not.toContain('super_secret')
  })
})
