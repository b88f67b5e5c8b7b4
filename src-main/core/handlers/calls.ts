import { normalizePhone } from '../agentphone/phone'
import { CoreError } from '../errors'
import { callInfoFromApi, transcriptFromApi } from '../live/call-info'
import { isLive } from '../live/call-board'
import { LOCAL_OWNER, type Caller } from '../../../src-preload/command-roles'
import type { ClaimHolder } from '../turns/turn-claims'
import type { ReplyParams } from '../turns/turn-types'
import type { SessionContext } from './context'
import type { HandlerMap } from './types'

export function callHandlers(ctx: SessionContext, track: (callId: string, hosted: boolean) => void): HandlerMap {
  return {
    'calls.list': async ({ limit = 100, offset = 0, live = false }) => {
      const all = ctx.board.list(live)
      return { items: all.slice(offset, offset + limit), total: all.length }
    },

    'calls.get': async ({ callId }) => {
      const known = ctx.board.get(callId)
      if (known) return { call: known, transcript: ctx.board.transcript(callId) }
      // Off the board (it keeps the last 200 ended calls) but in the journal: History's archive has it.
      const archived = ctx.afterwards?.archive.get(callId)
      if (archived) return { call: archived.info, transcript: archived.lines }
      const call = await ctx.api.calls.get(callId)
      const agent = await ctx.directory.resolve(call.agentId)
      return { call: callInfoFromApi(call, agent, ctx.nowIso()), transcript: transcriptFromApi(call) }
    },

    'calls.place': async (p) => {
      // Normalised before anything is sent: a bad number never reaches the API.
      const toNumber = normalizePhone(p.toNumber)
      const agent = await ctx.directory.resolve(p.agentId)
      if (!agent) throw new CoreError('not_found', `There is no agent ${p.agentId}.`)
      if (agent.numbers.length === 0) {
        throw new CoreError('invalid_params', `${agent.name} has no phone number. Attach a number to the agent before placing a call.`)
      }
      // Never retried automatically: a retry can ring someone twice. The person decides.
      const placed = await ctx.api.calls.place({
        agentId: p.agentId,
        toNumber,
        ...(p.initialGreeting !== undefined ? { initialGreeting: p.initialGreeting } : {}),
        ...(p.systemPrompt ? { systemPrompt: p.systemPrompt } : {}),
        ...(p.voice ? { voice: p.voice } : {})
      })
      const hosted = Boolean(p.systemPrompt) || agent.voiceMode === 'hosted'
      const info = callInfoFromApi({ direction: 'outbound', ...placed }, agent, ctx.nowIso(), hosted)
      // The sandbox phone may already have rung (and put the call on the board) before we got here.
      const { id, agentId, agentName, voiceMode } = info
      const shown = ctx.board.get(id) ? ctx.board.upsert({ id, agentId, agentName, voiceMode }) : ctx.board.upsert({ id }, info)
      // A webhook-mode call speaks its greeting on answer, and no webhook reports it: the transcript
      // gets it from here (a hosted call's stream carries its own). "" means stay silent.
      if (!hosted) ctx.board.setGreeting(id, p.initialGreeting ?? agent.beginMessage ?? '')
      track(info.id, hosted)
      return ctx.board.get(id) ?? shown
    },

    'calls.end': async ({ callId }) => {
      await ctx.api.calls.end(callId)
      ctx.board.noteEndRequested(callId)
      const call = ctx.board.get(callId)
      if (call && isLive(call)) ctx.board.upsert({ id: callId, status: 'ending' })
      return {}
    },

    // The renderer plays it from memory (a blob: URL): the recording's URL is not one it may load.
    'calls.recording': async ({ callId }) => {
      const rec = await ctx.api.calls.recording(callId)
      if (!rec) return { audio: null }
      const mimeType = rec.contentType.split(';')[0]!.trim() || 'audio/wav'
      return { audio: { mimeType, base64: Buffer.from(rec.bytes).toString('base64'), bytes: rec.bytes.length } }
    },

    'calls.setAnswerer': async ({ callId, answeredBy }) => {
      if (!ctx.board.get(callId)) throw new CoreError('not_found', `There is no live call ${callId}.`)
      return ctx.board.upsert({ id: callId, answeredBy })
    },

    'turns.list': async () => ({ items: ctx.broker.list() }),

    'turns.reply': async (params, caller) => {
      const callId = ctx.broker.list().find((t) => t.turnId === params.turnId)?.callId
      // The line carries who sent it: the hub link's name when there is one, else `by` (a claimed
      // turn takes replies from its claimer only, so this is the name).
      const who = caller ? claimHolder(caller) : undefined
      // Where a transfer goes is settled (and the agent changed, if need be) before the line goes out.
      const transferTo = callId && params.action === 'transfer' ? await transferTarget(ctx, callId, params, who) : null
      ctx.replyAuthors.during(callId, who?.name ?? params.by, () => ctx.broker.reply(params.turnId, params, who))
      // The agent hangs up because the person said so: the call's end reads "ended by you".
      if (callId && (params.hangup || params.action === 'hangup')) ctx.board.noteEndRequested(callId)
      // Kept now: the end then says where the call went ("Transferred to …").
      if (callId && transferTo) ctx.board.noteTransfer(callId, transferTo)
      return callId ? { callId } : {}
    },

    // Over a hub the claim is the connection's person; `by` counts only for in-process callers.
    'turns.claim': async ({ turnId, by, takeOver }, caller) =>
      ctx.broker.claim(turnId, caller ? claimHolder(caller) : by ?? claimHolder(LOCAL_OWNER), { takeOver })
  }
}

/**
 * The number a transfer goes to. AgentPhone transfers to the agent's `transferNumber` (its reply
 * format has no number of its own, agentphone-api.md §4.2), so a different number chosen by the
 * person is made the agent's transferNumber first, through the documented agent update, and put
 * back when the call has ended (TransferOverrides).
 */
async function transferTarget(ctx: SessionContext, callId: string, params: ReplyParams, who: ClaimHolder | undefined): Promise<string | null> {
  const agentId = ctx.board.get(callId)?.agentId ?? null
  const preset = ctx.directory.get(agentId)?.transferNumber ?? null
  if (params.transferTo === undefined) {
    if (!preset) throw new CoreError('invalid_params', 'This agent has no transfer number: choose the number to transfer to.')
    return preset
  }
  const wanted = normalizePhone(params.transferTo)
  if (wanted === preset) return wanted
  if (!agentId) throw new CoreError('invalid_params', 'This call has no known agent, so it cannot be transferred.')
  // Refused now if the turn is gone or someone else answers it: the agent is left as it was.
  ctx.broker.assertCanReply(params.turnId, params, who)
  ctx.directory.remember(await ctx.api.agents.update(agentId, { transferNumber: wanted }))
  ctx.transferOverrides.note(agentId, callId, preset, wanted)
  return wanted
}

const claimHolder = (caller: Caller): ClaimHolder => ({ id: caller.id, name: caller.name })
