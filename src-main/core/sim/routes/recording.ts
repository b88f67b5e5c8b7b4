/**
 * `GET /v1/calls/{id}/recording` (agentphone-api.md §2.6, §9.4): the WAV of a finished call, with no
 * key (the call id is the capability), so any account's call can be fetched by its id. HEAD answers
 * the same headers without the body, for clients that only ask whether a recording exists.
 */
import type { ServerResponse } from 'node:http'
import type { Account } from '../account'
import { hasRecording } from '../call-state'
import { HttpError } from '../http-errors'
import { recordingWav } from '../recording'

export function serveRecording(accounts: Iterable<Account>, callId: string, method: string, res: ServerResponse): void {
  let found = null
  for (const account of accounts) {
    found = account.calls.get(callId) ?? null
    if (found) break
  }
  const wav = found && hasRecording(found) ? recordingWav(found) : null
  if (!wav) throw new HttpError(404, 'Recording not found')
  res.writeHead(200, {
    'Content-Type': 'audio/wav',
    'Content-Length': String(wav.length),
    'Content-Disposition': `inline; filename="recording-${callId}.wav"`,
    'Cache-Control': 'private, max-age=3600'
  })
  res.end(method === 'HEAD' ? undefined : wav)
}
