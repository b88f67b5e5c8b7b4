/**
 * `GET /v1/calls/{id}/transcript/stream`: replays the stored turns, then streams live `turn` events,
 * a `: heartbeat` comment on an interval, and an `ended` event before closing (at once after the
 * replay when the call is already over).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { SimRuntime } from './context'
import { turnOut } from './serialize'
import type { CallRec, TurnRec } from './types'

function frame(event: string, id: string | null, data: unknown): string {
  return `${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`
}

function endedFrame(call: CallRec): string {
  return frame('ended', null, { callId: call.id, status: call.status, endedAt: call.endedAt, disconnectionReason: call.disconnectionReason })
}

export function streamTranscript(rt: SimRuntime, call: CallRec, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no'
  })
  res.flushHeaders()
  for (const t of call.turns) res.write(frame('turn', t.id, turnOut(call.id, t)))
  if (call.status === 'completed' || call.status === 'failed') {
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
