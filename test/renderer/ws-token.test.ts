import { describe, expect, it } from 'vitest'
import { bridgeUrl, takeBridgeToken } from '../../src-renderer/bridge/ws-token'

describe('bridge token', () => {
  it('takes the token from #token=…, keeps it for reloads and removes it from the address bar', () => {
    history.replaceState(null, '', '/index.html?x=1#token=s3cr%2Bt')
    expect(takeBridgeToken()).toBe('s3cr+t')
    expect(location.hash).toBe('')
    expect(location.search).toBe('?x=1')
    expect(sessionStorage.getItem('switchboard.bridgeToken')).toBe('s3cr+t')
    // A reload: no fragment any more, the kept token still works.
    expect(takeBridgeToken()).toBe('s3cr+t')
  })

  it('has no token without a fragment or a kept one', () => {
    history.replaceState(null, '', '/')
    expect(takeBridgeToken()).toBeNull()
  })

  it('builds the bridge URL on the page’s own host', () => {
    expect(bridgeUrl('a b', { protocol: 'http:', host: '127.0.0.1:5123' } as Location)).toBe('ws://127.0.0.1:5123/bridge?token=a%20b')
    expect(bridgeUrl('t', { protocol: 'https:', host: 'hub.example' } as Location)).toBe('wss://hub.example/bridge?token=t')
  })
})
