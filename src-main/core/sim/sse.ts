/**
 * `GET /v1/calls/{id}/transcript/stream`: replays the stored turns, then streams live `turn` events,
 * a `: heartbeat` comment on an interval, and an `ended` event before closing (at once after the
 * replay when the call is already over).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Account } from './account'
import { durationSeconds, isOver } from './call-state'
import type { SimRuntime } from './context'
import { turnOut } from './serialize'
import type { CallRec, TurnRec } from './types'

function frame(event: string, id: string | null, data: unknown): string {
  return `${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`
}

/** `ended` carries the documented `callId, status, endedAt, durationSeconds` (§9.4), plus the reason. */
function endedFrame(call: CallRec): string {
  return frame('ended', null, {
    callId: call.id,
    status: call.status,
    endedAt: call.endedAt,
    durationSeconds: durationSeconds(call),
    disconnectionReason: call.disconnectionReason
  })
}

/** The first event: who is on the call, as §9.4 lists it. */
function connectedFrame(account: Account, call: CallRec): string {
  const agent = call.agentId ? account.agents.get(call.agentId) : undefined
  return frame('connected', null, {
    callId: call.id,
    status: call.status,
    agentId: call.agentId,
    agentName: agent?.name ?? null,
    direction: call.direction,
    fromNumber: call.fromNumber,
    toNumber: call.toNumber,
    startedAt: call.startedAt
  })
}

export function streamTranscript(rt: SimRuntime, account: Account, call: CallRec, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no'
  })
  res.flushHeaders()
  res.write(connectedFrame(account, call))
  for (const t of call.turns) res.write(frame('turn', t.id, turnOut(call.id, t)))
  if (isOver(call)) {
    res.end(endedFrame(call))
    return
  }
  let heartbeat = rt.clock.after(rt.sseHeartbeatMs, function beat() {
    res.write(': heartbeat\n\n')
    heartbeat = rt.clock.after(rt.sseHeartbeatMs, beat)
  })
  const close = (): void => {
    heartbeat.cancel()
    unwatch()
  }
  const unwatch = rt.calls.watch(call.id, {
    turn: (t: TurnRec) => void res.write(frame('turn', t.id, turnOut(call.id, t))),
    ended: (c: CallRec) => {
      close()
      res.end(endedFrame(c))
    }
  })
  req.on('close', close)
  res.on('close', close)
}
