import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { AppStatus, BridgeResult, CommandName, CommandParams, CommandResult } from '../../../src-preload/contract'
import { memorySecrets, memoryStore, type KeyValueStore, type SecretStore } from '../../../src-main/core/ports'
import { startSession, type Session } from '../../../src-main/core/session'
import { EventRecorder } from '../session/events'

export const tempDir = (): Promise<string> => mkdtemp(path.join(os.tmpdir(), 'sb-history-'))

export function ok<T>(result: BridgeResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}

export interface Running {
  session: Session
  recorder: EventRecorder
  call<M extends CommandName>(method: M, params: CommandParams<M>): Promise<CommandResult<M>>
  status: AppStatus
}

/** A sandbox session on `dir` (the simulator over real HTTP, the journal on real files). */
export async function startSandbox(dir: string, parts: { settings?: KeyValueStore; secrets?: SecretStore } = {}): Promise<Running> {
  const session = await startSession({ mode: 'sandbox', dataDir: dir, settings: parts.settings ?? memoryStore(), secrets: parts.secrets ?? memorySecrets() })
  const recorder = new EventRecorder()
  session.onEvent(recorder.push)
  const call = async <M extends CommandName>(method: M, params: CommandParams<M>): Promise<CommandResult<M>> => ok(await session.invoke(method, params)) as CommandResult<M>
  const status = await call('app.status', {})
  return { session, recorder, call, status }
}

/**
 * One finished sandbox call: the phone dials the agent, says each line, and `answer` replies as
 * `by` (or, with null, lets the fallback line answer at once); then the phone hangs up.
 */
export async function talk(r: Running, said: string[], answer: { by: string | null; text?: string }): Promise<string> {
  const { callId } = await r.call('sandbox.dial', { to: r.status.sandbox!.number.phoneNumber })
  await r.recorder.waitFor('call.started', (c) => c.id === callId)
  if (answer.by === null) await r.call('calls.setAnswerer', { callId, answeredBy: 'fallback' })
  for (const text of said) {
    const before = r.recorder.of('turn.closed').length
    await r.call('sandbox.say', { callId, text })
    if (answer.by !== null) {
      const opened = await r.recorder.waitFor('turn.opened', (t) => t.callId === callId && t.transcript === text)
      await r.call('turns.reply', { turnId: opened.turnId, text: answer.text ?? 'Let me check that for you.', by: answer.by })
    }
    await waitUntil(() => r.recorder.of('turn.closed').filter((t) => t.callId === callId).length > 0 && r.recorder.of('turn.closed').length > before)
  }
  await r.call('sandbox.hangup', { callId })
  await r.recorder.waitFor('call.ended', (c) => c.id === callId)
  return callId
}

export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('waited too long')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
