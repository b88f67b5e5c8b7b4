import { inspect } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { ApiError, toCoreError } from '../../../src-main/core/agentphone/errors'
import { CoreError } from '../../../src-main/core/errors'
import type { FakeServer } from './fake-server'
import { API_KEY, caught, clientFor, json, startServer } from './fake-server'

const servers: FakeServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})
async function serve(handler: Parameters<typeof startServer>[0]) {
  const s = await startServer(handler)
  servers.push(s)
  return s
}

/** Answers every request with `status` and this raw body. */
async function failWith(status: number, body: string, contentType = 'application/json') {
  const server = await serve((_req, res) => {
    res.writeHead(status, { 'content-type': contentType })
    res.end(body)
  })
  return clientFor(server).client
}

describe('error envelopes', () => {
  it.each([
    ['detail string', 400, JSON.stringify({ detail: 'Number already released' }), 'bad_request', 'Number already released'],
    [
      'FastAPI detail array (names the field, counts the rest)',
      422,
      JSON.stringify({ detail: [{ loc: ['body', 'toNumber'], msg: 'Field required', type: 'missing' }, { loc: ['body', 'agentId'], msg: 'x', type: 'y' }] }),
      'validation_error',
      'toNumber: Field required (and 1 more)'
    ],
    [
      'error object with its own code',
      402,
      JSON.stringify({ error: { message: 'Balance too low', code: 'INSUFFICIENT_BALANCE', type: 'validation_error' } }),
      'INSUFFICIENT_BALANCE',
      'Balance too low'
    ],
    [
      'error object with field details',
      400,
      JSON.stringify({ error: { message: 'Invalid request', code: 'VALIDATION_ERROR', details: [{ field: 'areaCode', message: 'must be 3 digits' }] } }),
      'VALIDATION_ERROR',
      'Invalid request (areaCode: must be 3 digits)'
    ],
    ['message', 409, JSON.stringify({ message: 'No inventory in 415' }), 'conflict', 'No inventory in 415'],
    ['raw text', 503, 'Service Unavailable', 'server_error', 'Service Unavailable'],
    ['empty body', 401, '', 'unauthorized', 'AgentPhone did not accept the API key'],
    ['HTML page from a proxy', 502, '<html><body>Bad gateway</body></html>', 'server_error', 'AgentPhone had a server error (502)']
  ])('reads %s', async (_name, status, body, code, message) => {
    const client = await failWith(status, body, body.startsWith('<') ? 'text/html' : 'application/json')
    const err = await caught(() => client.numbers.buy())
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ status, code, message, method: 'POST', path: '/v1/numbers' })
  })
})

describe('invalid responses', () => {
  it.each([
    ['a list that is not a list', { data: 'nope', total: 1 }, /data/],
    ['an agent without an id', { data: [{ name: 'x', voiceMode: 'webhook' }], total: 1 }, /data\.0\.id/],
    ['the agents list without total', { data: [] }, /total/]
  ])('turns %s into invalid_response', async (_name, body, where) => {
    const server = await serve((_req, res) => json(res, 200, body))
    const err = await caught(() => clientFor(server).client.agents.list())
    expect(err).toMatchObject({ status: 200, code: 'invalid_response', method: 'GET', path: '/v1/agents' })
    expect((err as Error).message).toMatch(where)
    expect(server.requests).toHaveLength(1)
  })

  it('turns a body that is not JSON into invalid_response', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' })
      res.end('hello')
    })
    await expect(clientFor(server).client.usage.get()).rejects.toMatchObject({ code: 'invalid_response', message: expect.stringMatching(/not JSON/) })
  })

  it('keeps extra fields it does not know', async () => {
    const server = await serve((_req, res) => json(res, 200, { id: 'agent_1', name: 'A', voiceMode: 'hosted', brandNew: 42 }))
    await expect(clientFor(server).client.agents.get('agent_1')).resolves.toMatchObject({ brandNew: 42 })
  })
})

describe('the API key never leaks', () => {
  const leaks = (err: unknown): boolean => {
    const texts = [JSON.stringify(err), inspect(err, { depth: 10, showHidden: true }), String(err), (err as Error).stack ?? '']
    return texts.some((t) => t.includes(API_KEY))
  }

  it('is redacted when the server echoes it in an error', async () => {
    const client = await failWith(401, JSON.stringify({ detail: `Invalid API key ${API_KEY}` }))
    const err = await caught(() => client.agents.list())
    expect((err as Error).message).toBe('Invalid API key [redacted]')
    expect(leaks(err)).toBe(false)
    expect(leaks(toCoreError(err))).toBe(false)
    expect(leaks(toCoreError(err).toPayload())).toBe(false)
  })

  it('is absent from network, timeout and validation errors, the client and its logs', async () => {
    const lines: string[] = []
    const logger = {
      info: (m: string, f?: unknown) => void lines.push(m + JSON.stringify(f)),
      warn: (m: string, f?: unknown) => void lines.push(m + JSON.stringify(f)),
      error: (m: string, f?: unknown) => void lines.push(m + JSON.stringify(f))
    }
    const hang = await serve(() => undefined)
    const timeout = await caught(() => clientFor(hang, { timeoutMs: 50, logger }).client.agents.list())
    const refused = await caught(() => clientFor({ url: 'http://127.0.0.1:1', requests: [], close: async () => {} }, { logger }).client.agents.list())
    const bad = await serve((_req, res) => json(res, 200, { data: 1 }))
    const invalid = await caught(() => clientFor(bad, { logger }).client.agents.list())
    for (const err of [timeout, refused, invalid]) {
      expect(err).toBeInstanceOf(ApiError)
      expect(leaks(err)).toBe(false)
    }
    expect(lines.length).toBeGreaterThan(0)
    expect(lines.join('\n')).not.toContain(API_KEY)
    const { client } = clientFor(bad)
    expect(inspect(client, { depth: 10, showHidden: true })).not.toContain(API_KEY)
    expect(JSON.stringify(client)).not.toContain(API_KEY)
  })
})

describe('toCoreError', () => {
  it('maps an ApiError to api_error with status and Retry-After', () => {
    const err = new ApiError({ status: 429, code: 'rate_limited', message: 'Slow down', method: 'GET', path: '/v1/calls', retryAfterSeconds: 7 })
    expect(toCoreError(err).toPayload()).toEqual({ code: 'api_error', message: 'Slow down', status: 429, retryAfterSeconds: 7 })
  })

  it('leaves out status 0 for network failures', () => {
    const err = new ApiError({ status: 0, code: 'timeout', message: 'No answer', method: 'GET', path: '/v1/calls' })
    expect(toCoreError(err).toPayload()).toEqual({ code: 'api_error', message: 'No answer' })
  })

  it('passes CoreErrors through and wraps anything else as internal', () => {
    const core = new CoreError('invalid_number', '"abc" is not a phone number')
    expect(toCoreError(core)).toBe(core)
    expect(toCoreError(new TypeError('boom')).toPayload()).toEqual({ code: 'internal', message: 'boom' })
    expect(toCoreError('??').code).toBe('internal')
  })
})
