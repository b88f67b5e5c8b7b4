import { afterEach, describe, expect, it } from 'vitest'
import { normalizePhone, normalizeRecipient, tryNormalizePhone } from '../../../src-main/core/agentphone/phone'
import { CoreError } from '../../../src-main/core/errors'
import type { FakeServer } from './fake-server'
import { caught, clientFor, json, startServer } from './fake-server'

describe('normalizePhone', () => {
  it.each([
    ['4155551234', '+14155551234'],
    ['(415) 555-1234', '+14155551234'],
    ['+44 20 7946 0958', '+442079460958'],
    ['1 415 555 1234', '+14155551234'],
    ['  415.555.1234 ', '+14155551234'],
    ['0044 20 7946 0958', '+442079460958']
  ])('%s → %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected)
  })

  it('uses the default country it is given', () => {
    expect(normalizePhone('020 7946 0958', 'GB')).toBe('+442079460958')
  })

  it.each([
    ['abc', '"abc" is not a phone number'],
    ['', 'A phone number is required'],
    ['   ', 'A phone number is required'],
    ['123', '"123" is not a phone number'],
    ['1-800-FLOWERS', '"1-800-FLOWERS" is not a phone number'],
    ['+999 1234', '"+999 1234" is not a phone number'],
    ['415555123456789', '"415555123456789" is not a phone number']
  ])('refuses %j', (input, message) => {
    let thrown: unknown
    try {
      normalizePhone(input)
    } catch (err) {
      thrown = err
    }
    expect(thrown).toBeInstanceOf(CoreError)
    expect(thrown).toMatchObject({ code: 'invalid_number' })
    expect((thrown as Error).message.startsWith(message)).toBe(true)
  })

  it('tryNormalizePhone answers null instead of throwing', () => {
    expect(tryNormalizePhone('abc')).toBeNull()
    expect(tryNormalizePhone('4155551234')).toBe('+14155551234')
  })

  it('normalizeRecipient passes group ids, emails and short codes through', () => {
    expect(normalizeRecipient('grp_abc')).toBe('grp_abc')
    expect(normalizeRecipient('a@b.co')).toBe('a@b.co')
    expect(normalizeRecipient('12345')).toBe('12345')
    expect(normalizeRecipient('(415) 555-1234')).toBe('+14155551234')
    expect(() => normalizeRecipient('hello')).toThrow(CoreError)
  })
})

describe('numbers are checked before any request', () => {
  let server: FakeServer | undefined
  afterEach(async () => {
    await server?.close()
  })

  it('calls.place and messages.send refuse a bad number without calling the API', async () => {
    server = await startServer((_req, res) => json(res, 200, {}))
    const { client } = clientFor(server)
    const place = await caught(() => client.calls.place({ agentId: 'agent_1', toNumber: 'abc' }))
    const send = await caught(() => client.messages.send({ toNumber: '555', body: 'hi', agentId: 'agent_1' }))
    expect(place).toMatchObject({ code: 'invalid_number', message: expect.stringContaining('"abc" is not a phone number') })
    expect(send).toMatchObject({ code: 'invalid_number' })
    expect(server.requests).toHaveLength(0)
  })
})
