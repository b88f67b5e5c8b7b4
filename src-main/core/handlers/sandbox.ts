import { normalizePhone } from '../agentphone/phone'
import { CoreError } from '../errors'
import { isLive } from '../live/call-board'
import { callInfoFromApi } from '../live/call-info'
import type { SandboxHandle, SessionContext } from './context'
import type { HandlerMap } from './types'

/** The pretend caller's number when the person does not choose one. */
export const SANDBOX_CALLER = '+15550100999'

export function sandboxHandlers(ctx: SessionContext, track: (callId: string, hosted: boolean) => void): HandlerMap {
  const sandbox = (): SandboxHandle => {
    if (!ctx.sandbox) throw new CoreError('not_available', 'The sandbox phone exists only in sandbox mode.')
    return ctx.sandbox
  }
  const liveCall = (callId: string) => {
    const call = ctx.board.get(callId)
    if (!call || !isLive(call)) throw new CoreError('not_found', `There is no live sandbox call ${callId}.`)
    return call
  }

  return {
    'sandbox.dial': async ({ to, from }) => {
      const { sim, apiKey } = sandbox()
      const toNumber = normalizePhone(to)
      const fromNumber = from ? normalizePhone(from) : SANDBOX_CALLER
      const { callId } = await sim.sandbox.dial(apiKey, { to: toNumber, from: fromNumber })
      const call = await ctx.api.calls.get(callId)
      const agent = await ctx.directory.resolve(call.agentId)
      const info = callInfoFromApi({ ...call, direction: 'inbound' }, agent, ctx.nowIso())
      ctx.board.upsert({ id: callId }, info)
      const hosted = agent?.voiceMode === 'hosted'
      if (!hosted && agent?.beginMessage) {
        ctx.board.addLine({ callId, speaker: 'agent', text: agent.beginMessage, at: ctx.nowIso(), source: 'greeting' })
      }
      track(callId, hosted)
      return { callId }
    },

    'sandbox.answer': async ({ callId }) => {
      await sandbox().sim.sandbox.answer(sandbox().apiKey, callId)
      if (ctx.board.get(callId)) ctx.board.upsert({ id: callId, status: 'in-progress' })
      return {}
    },

    'sandbox.decline': async ({ callId }) => {
      await sandbox().sim.sandbox.decline(sandbox().apiKey, callId)
      ctx.board.end(callId, { endedAt: ctx.nowIso(), status: 'failed', reason: 'declined' })
      return {}
    },

    'sandbox.say': async ({ callId, text }) => {
      const { sim, apiKey } = sandbox()
      liveCall(callId)
      // The turn may wait for a person for many seconds: the command returns once the caller has
      // spoken, and what the agent answers arrives later as sandbox.heard events.
      sim.sandbox.say(apiKey, callId, text).catch((err: unknown) => {
        ctx.logger.warn('sandbox turn failed', { callId, error: err instanceof Error ? err.message : String(err) })
      })
      return {}
    },

    'sandbox.press': async ({ callId, digits }) => {
      liveCall(callId)
      await sandbox().sim.sandbox.press(sandbox().apiKey, callId, digits)
      return {}
    },

    'sandbox.sms': async ({ to, from, body }) => {
      const { sim, apiKey } = sandbox()
      return sim.sandbox.sms(apiKey, { to: normalizePhone(to), from: from ? normalizePhone(from) : SANDBOX_CALLER, body })
    },

    'sandbox.fault': async ({ target, count }) => {
      sandbox().sim.sandbox.injectFault(sandbox().apiKey, target, count ?? 1)
      return {}
    },

    // Everything the simulator holds for this console starts over (the journal's history stays).
    'sandbox.reset': async () => {
      const handle = sandbox()
      const fresh = await handle.sim.reset(handle.apiKey)
      if (fresh) {
        handle.agent = { id: fresh.agent.id, name: fresh.agent.name, voiceMode: fresh.agent.voiceMode }
        handle.number = { id: fresh.number.id, phoneNumber: fresh.number.phoneNumber }
      }
      await ctx.directory.refresh()
      const status = ctx.status()
      ctx.emit({ event: 'app.status', data: status })
      return status
    },

    'sandbox.hangup': async ({ callId }) => {
      liveCall(callId)
      await sandbox().sim.sandbox.hangup(sandbox().apiKey, callId)
      // The sandbox phone is the far end: the caller (or, on an outbound call, the called party) hung up.
      ctx.board.end(callId, { endedAt: ctx.nowIso(), status: 'completed', reason: 'user_hangup' })
      return {}
    }
  }
}
