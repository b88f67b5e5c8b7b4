import { describe, expect, it } from 'vitest'
import { SecretRing } from '../../../src-main/core/live/secret-ring'
import type { Clock } from '../../../src-main/core/ports'
import { sign, verify } from '../../../src-main/core/receiver/signature'

function fakeClock(start = 1_700_000_000_000): Clock & { advance(ms: number): void } {
  let now = start
  return { now: () => now, after: () => ({ cancel() {} }), advance: (ms) => void (now += ms) }
}

describe('SecretRing (webhook secret rotation)', () => {
  it('accepts the previous secret during the grace period, then refuses it', () => {
    const clock = fakeClock()
    const ring = new SecretRing(clock, 60_000)
    ring.rotate('whsec_old')
    ring.rotate('whsec_new')
    const body = Buffer.from('{"event":"agent.message"}')
    const ts = String(Math.floor(clock.now() / 1000))
    const signedOld = { signature: sign('whsec_old', ts, body), timestamp: ts }

    expect(ring.accepted()[0]).toBe('whsec_new')
    expect(verify(ring.accepted(), signedOld, body, clock.now())).toMatchObject({ ok: true, secretIndex: 1 })
    clock.advance(59_000)
    expect(verify(ring.accepted(), signedOld, body, clock.now()).ok).toBe(true)
    clock.advance(2_000)
    expect(verify(ring.accepted(), signedOld, body, clock.now())).toEqual({ ok: false, reason: 'bad_signature' })
    expect(ring.accepted()).toEqual(['whsec_new'])
  })

  it('re-registering with the same secret does not add a grace entry', () => {
    const ring = new SecretRing(fakeClock())
    ring.rotate('whsec_a')
    ring.rotate('whsec_a')
    expect(ring.accepted()).toEqual(['whsec_a'])
  })
})
