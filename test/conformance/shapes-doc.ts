/**
 * Shapes for the endpoints the official SDK types as `unknown` (voices, calls, webhook test,
 * release): local types written from agentphone-api.md §2.2, §2.3, §2.6 and §2.7, pinned the same
 * way as the SDK-typed ones in shapes.ts.
 */
import type { AgentPhone } from 'agentphone'
import type { ShapeOf } from './shape'

/** §2.2 `GET /v1/agents/voices` items. */
export interface DocVoice {
  voice_id: string
  voice_name: string
  provider: string
  gender: string | null
  accent: string | null
  preview_audio_url: string | null
}
export const VOICE: ShapeOf<DocVoice> = {
  voice_id: 'string',
  voice_name: 'string',
  provider: 'string',
  gender: 'string|null',
  accent: 'string|null',
  preview_audio_url: 'string|null'
}

/** §2.6 call detail: the SDK's CallSummary plus direction, recording fields and `transcripts`. */
export interface DocCallDetail extends Omit<AgentPhone.CallSummary, 'lastTranscriptSnippet'> {
  direction: string
  recordingUrl: string | null
  recordingAvailable: boolean
  transcripts: Array<{ id: string; transcript: string; response: string | null; confidence: number; createdAt: string }>
}
export const CALL_DETAIL: ShapeOf<DocCallDetail> = {
  id: 'string',
  agentId: 'string|null',
  phoneNumberId: 'string|null',
  phoneNumber: 'string|null',
  fromNumber: 'string',
  toNumber: 'string',
  direction: 'string',
  status: 'string',
  startedAt: 'string',
  endedAt: 'string|null',
  durationSeconds: 'number|null',
  recordingUrl: 'string|null',
  recordingAvailable: 'boolean',
  transcripts: 'array'
}

/** §2.6 immediate answer of `POST /v1/calls`. */
export interface DocPlacedCall {
  id: string
  agentId: string
  phoneNumberId: string
  fromNumber: string
  toNumber: string
  direction: string
  status: string
  startedAt: string
}
export const PLACED_CALL: ShapeOf<DocPlacedCall> = {
  id: 'string',
  agentId: 'string',
  phoneNumberId: 'string',
  fromNumber: 'string',
  toNumber: 'string',
  direction: 'string',
  status: 'string',
  startedAt: 'string'
}

/** §2.6 / §7 #9 transcript, REST-md form: ordered `{role, content, createdAt}` turns. */
export interface DocTranscriptTurn {
  role: string
  content: string
  createdAt: string
}
export const TRANSCRIPT_TURN: ShapeOf<DocTranscriptTurn> = { role: 'string', content: 'string', createdAt: 'string' }

/** §2.7 / §7 #6 webhook test result, docs form. */
export interface DocWebhookTest {
  success: boolean
  httpStatus: number | null
  errorMessage: string | null
}
export const WEBHOOK_TEST: ShapeOf<DocWebhookTest> = { success: 'boolean', httpStatus: 'number|null', errorMessage: 'string|null' }

/** §2.3 `DELETE /v1/numbers/{id}`. */
export interface DocReleased {
  success: boolean
  phoneNumber: string
  status: string
}
export const RELEASED: ShapeOf<DocReleased> = { success: 'boolean', phoneNumber: 'string', status: 'string' }
