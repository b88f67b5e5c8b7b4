import { screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeBridge, makeCall } from './helpers/fake-bridge'
import type { FakeBridge } from './helpers/fake-bridge'
import { renderApp } from './helpers/render-app'

// jsdom has no object URLs: these stand in, and let the test see what was made and released.
const made: Blob[] = []
const revoked: string[] = []
beforeEach(() => {
  made.length = 0
  revoked.length = 0
  URL.createObjectURL = vi.fn((blob: Blob) => {
    made.push(blob)
    return `blob:test/${made.length}`
  })
  URL.revokeObjectURL = vi.fn((url: string) => void revoked.push(url))
})
afterEach(() => vi.restoreAllMocks())

const WAV = Buffer.from('RIFF....WAVEfmt ').toString('base64')

async function openEndedCall(bridge: FakeBridge) {
  const app = await renderApp(bridge)
  const call = makeCall()
  app.emit('call.started', call)
  await app.user.click(screen.getByRole('option'))
  expect(screen.queryByRole('group', { name: 'Recording' })).toBeNull()
  app.emit('call.ended', { ...call, status: 'completed', endedAt: new Date().toISOString() })
  return { ...app, call }
}

describe('Call view › recording', () => {
  it('plays an ended call’s recording from a blob URL, and releases it when the call view closes', async () => {
    const bridge = fakeBridge({ 'calls.recording': () => ({ audio: { mimeType: 'audio/wav', base64: WAV, bytes: 48_000 } }) })
    const { call, user } = await openEndedCall(bridge)
    const player = await screen.findByLabelText<HTMLAudioElement>('Call recording')
    expect(player.tagName).toBe('AUDIO')
    // Our own controls drive it: play/pause, a seek bar and the speed.
    const controls = within(screen.getByRole('group', { name: 'Recording player' }))
    expect(controls.getByRole('button', { name: 'Play' })).toBeTruthy()
    expect(controls.getByRole('slider', { name: 'Position' })).toBeTruthy()
    await user.selectOptions(controls.getByRole('combobox', { name: /Speed/ }), '1.5')
    expect(player.playbackRate).toBe(1.5)
    expect(screen.getByRole('link', { name: /Save recording/ }).getAttribute('download')).toBe(`call-${call.id}.wav`)
    expect(player.getAttribute('src')).toBe('blob:test/1')
    expect(made[0]?.type).toBe('audio/wav')
    // jsdom's Blob lacks text(); FileReader reads it the way a browser would.
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader()
      reader.onload = () => resolve(String(reader.result))
      reader.readAsText(made[0]!)
    })
    expect(text).toBe('RIFF....WAVEfmt ')
    expect(within(screen.getByRole('group', { name: 'Recording' })).getByText('(47 KB WAV)')).toBeTruthy()
    expect(bridge.invokes.filter((i) => i.method === 'calls.recording')).toEqual([{ method: 'calls.recording', params: { callId: call.id } }])
    await user.click(screen.getByRole('button', { name: /Back to Monitor/ }))
    expect(revoked).toEqual(['blob:test/1'])
  })

  it('says when there is no recording, and offers a retry when it could not be fetched', async () => {
    let fail = true
    const bridge = fakeBridge({
      'calls.recording': () => (fail ? { ok: false as const, error: { code: 'api_error' as const, message: 'AgentPhone did not answer' } } : { ok: true as const, value: { audio: null } })
    })
    const { user } = await openEndedCall(bridge)
    expect((await screen.findByRole('alert')).textContent).toContain('The recording could not be loaded: AgentPhone did not answer')
    fail = false
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByText(/^No recording\./)).toBeTruthy()
    expect(made).toEqual([])
  })
})
