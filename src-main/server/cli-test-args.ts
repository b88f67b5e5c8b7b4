/**
 * `switchboard test FILES_OR_DIRS --webhook-url URL [--secret S] [--junit FILE] [--json FILE]
 * [--baseline FILE --max-latency-increase PERCENT] [--strict]`, parsed without running anything.
 */
import { parseArgs } from 'node:util'
import { UsageError } from './cli-args'

export interface TestArgs {
  command: 'test'
  paths: string[]
  webhookUrl: string
  /** undefined: $AGENTPHONE_WEBHOOK_SECRET, else the documented test secret. */
  secret: string | undefined
  junit: string | undefined
  json: string | undefined
  baseline: string | undefined
  maxLatencyIncrease: number | undefined
  /** Warnings fail the run too. */
  strict: boolean
}

export const TEST_USAGE = `  switchboard test FILES_OR_DIRS --webhook-url URL [--secret S] [--junit FILE] [--json FILE]
                   [--baseline FILE [--max-latency-increase PERCENT]] [--strict]
      Plays scenario files (YAML) against your webhook server as AgentPhone would and checks
      every expectation. Exit 0: all passed; 1: an expectation failed; 3: a scenario file is invalid.`

export function parseTestArgs(rest: string[]): TestArgs | { command: 'help' } {
  let v: ReturnType<typeof parseArgs>
  try {
    v = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        'webhook-url': { type: 'string' },
        secret: { type: 'string' },
        junit: { type: 'string' },
        json: { type: 'string' },
        baseline: { type: 'string' },
        'max-latency-increase': { type: 'string' },
        strict: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' }
      }
    })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const o = v.values as Record<string, string | boolean | undefined>
  if (o.help) return { command: 'help' }
  if (v.positionals.length === 0) throw new UsageError('test needs at least one scenario file or folder')
  const url = o['webhook-url'] as string | undefined
  if (!url) throw new UsageError('test needs --webhook-url, the address of your webhook server')
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new UsageError(`--webhook-url must be a URL, got "${url}"`)
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UsageError('--webhook-url must be an http(s) URL')
  const rawIncrease = o['max-latency-increase'] as string | undefined
  if (rawIncrease !== undefined && !o.baseline) throw new UsageError('--max-latency-increase compares with a baseline: give --baseline FILE too')
  const increase = rawIncrease === undefined ? undefined : Number(rawIncrease.replace(/%$/, ''))
  if (increase !== undefined && (!Number.isFinite(increase) || increase < 0)) throw new UsageError(`--max-latency-increase must be a percentage such as 20, got "${rawIncrease}"`)
  const secret = o.secret as string | undefined
  if (secret !== undefined && secret.trim() === '') throw new UsageError('--secret must not be empty')
  return {
    command: 'test',
    paths: v.positionals,
    webhookUrl: url,
    secret,
    junit: o.junit as string | undefined,
    json: o.json as string | undefined,
    baseline: o.baseline as string | undefined,
    maxLatencyIncrease: increase,
    strict: o.strict === true
  }
}
