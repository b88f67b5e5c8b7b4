#!/usr/bin/env node
/**
 * A client written only from AgentPhone's public API document (agentphone-api.md), with plain
 * fetch and nothing of Switchboard's: the kind of script a developer writes on day one. It runs
 * unchanged against the real API or against `switchboard sim`:
 *
 *   AGENTPHONE_BASE_URL=http://127.0.0.1:PORT AGENTPHONE_API_KEY=sk_... node from-the-docs.mjs
 *
 * It reads the usage limits, makes an agent with a number, saves and finds a contact, sends an
 * MMS, places a call and waits for it to finish, and fetches the recording. It prints one JSON
 * line of what it saw and exits 1 (with the reason on stderr) at the first thing that is not as
 * documented.
 */
/* global process, console, fetch, AbortSignal, Buffer -- a plain Node 20 script */
const BASE = (process.env.AGENTPHONE_BASE_URL ?? 'https://api.agentphone.ai').replace(/\/$/, '')
const KEY = process.env.AGENTPHONE_API_KEY
const CALLEE = process.env.CALLEE ?? '+14155550142'
if (!KEY) {
  console.error('set AGENTPHONE_API_KEY')
  process.exit(2)
}

async function api(method, path, body) {
  const res = await fetch(`${BASE}${path}`, {
    method,
    headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    // waitForCompletion may hold the request for up to maxWaitSeconds.
    signal: AbortSignal.timeout(120_000)
  })
  const text = await res.text()
  const json = text ? JSON.parse(text) : null
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(json?.detail ?? json)}`)
  return { status: res.status, json }
}

function check(ok, what) {
  if (!ok) throw new Error(what)
}

async function main() {
  const seen = {}

  // Usage: plan.limits (numbers, messagesPerMonth, voiceMinutesPerMonth, maxCallDurationMinutes, concurrentCalls).
  const usage = (await api('GET', '/v1/usage')).json
  const limits = usage.plan?.limits ?? {}
  for (const k of ['numbers', 'messagesPerMonth', 'voiceMinutesPerMonth', 'maxCallDurationMinutes', 'concurrentCalls']) check(typeof limits[k] === 'number', `usage.plan.limits.${k} is not a number`)
  seen.limits = limits

  // An agent (camelCase body) that runs its calls itself, and a number attached on purchase.
  const agent = (await api('POST', '/v1/agents', { name: 'Docs Client Desk', voiceMode: 'hosted', systemPrompt: 'You confirm appointments. Be brief.', beginMessage: 'Hello, this is the appointment desk.' })).json
  check(typeof agent.id === 'string', 'the agent has no id')
  const number = (await api('POST', '/v1/numbers', { country: 'US', agentId: agent.id })).json
  check(/^\+1\d{10}$/.test(number.phoneNumber), `the number ${number.phoneNumber} is not E.164`)
  seen.number = number.phoneNumber

  // A contact (201), then found by searching its name.
  const created = await api('POST', '/v1/contacts', { phoneNumber: CALLEE, name: 'Ada Lovelace', email: 'ada@example.com' })
  check(created.status === 201, `creating a contact answered ${created.status}, not 201`)
  const found = (await api('GET', `/v1/contacts?search=${encodeURIComponent('lovelace')}`)).json
  check(found.data?.some((c) => c.id === created.json.id), 'the contact was not found by its name')
  seen.contact = { id: created.json.id, found: found.total }

  // An MMS: POST /v1/messages is snake_case; media_urls makes it MMS.
  const mms = (await api('POST', '/v1/messages', { number_id: number.id, to_number: CALLEE, body: 'Your appointment card', media_urls: ['https://example.com/card.png'] })).json
  check(mms.status === 'sent', `the MMS status is ${mms.status}`)
  check(Array.isArray(mms.media_urls) && mms.media_urls.length === 1, 'the MMS lost its media')
  seen.mms = { id: mms.id, channel: mms.channel }

  // A call, waited for: the answer is the ended call with its transcript.
  const call = (await api('POST', '/v1/calls', { agentId: agent.id, toNumber: CALLEE, systemPrompt: 'You confirm appointments. Be brief.', waitForCompletion: true, maxWaitSeconds: 90 })).json
  check(['completed', 'failed', 'busy', 'no-answer'].includes(call.status), `the call did not finish (status ${call.status})`)
  const transcript = (call.transcripts ?? []).map((t) => (t.role ? `${t.role}: ${t.content}` : `caller: ${t.transcript} / agent: ${t.response ?? ''}`))
  check(transcript.length > 0, 'the finished call has no transcript')
  seen.call = { id: call.id, status: call.status, durationSeconds: call.durationSeconds, lines: transcript.length }

  // The recording: public (the call id is the capability), WAV audio.
  check(call.recordingAvailable === true, 'the call has no recording')
  const res = await fetch(call.recordingUrl ?? `${BASE}/v1/calls/${call.id}/recording`)
  check(res.ok, `fetching the recording answered ${res.status}`)
  const wav = Buffer.from(await res.arrayBuffer())
  check(wav.toString('ascii', 0, 4) === 'RIFF' && wav.toString('ascii', 8, 12) === 'WAVE', 'the recording is not a WAV file')
  seen.recording = { contentType: res.headers.get('content-type'), bytes: wav.length, byteRate: wav.readUInt32LE(28) }

  process.stdout.write(`${JSON.stringify({ ok: true, ...seen })}\n`)
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : String(err))
  process.exit(1)
})
