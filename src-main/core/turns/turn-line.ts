import type { ReplyParams } from './turn-types'

/** One NDJSON object of a voice response (agentphone-api.md §4.2): only the fields given. */
export interface WireLine {
  text?: string
  interim?: true
  digits?: string
  hangup?: boolean
  action?: 'transfer' | 'hangup'
}

/** The wire form of a person's reply; `by` is ours and never leaves the app. */
export function replyToWireLine(params: ReplyParams): WireLine {
  const line: WireLine = {}
  if (params.text !== undefined) line.text = params.text
  if (params.interim === true) line.interim = true
  if (params.digits !== undefined) line.digits = params.digits
  if (params.hangup !== undefined) line.hangup = params.hangup
  if (params.action !== undefined) line.action = params.action
  return line
}

/** HH:MM:SS in local time: what a person compares with the clock on their wall. */
export function wallTime(ms: number): string {
  return new Date(ms).toTimeString().slice(0, 8)
}
