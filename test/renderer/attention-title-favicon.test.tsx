import { act, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { titleFor } from '../../src-renderer/lib/attention/document-title'
import { badgeText, startFaviconBadge, type FaviconEnv } from '../../src-renderer/lib/attention/favicon-badge'
import { createAppStore } from '../../src-renderer/store/create-store'
import { fakeBridge, inSeconds, makeCall } from './helpers/fake-bridge'
import { renderApp } from './helpers/render-app'

describe('the document title', () => {
  it('carries the number of turns waiting for a person, and is plain at zero', async () => {
    expect(titleFor(0)).toBe('Switchboard')
    expect(titleFor(2)).toBe('(2 waiting) Switchboard')
    const { emit } = await renderApp()
    expect(document.title).toBe('Switchboard')
    const a = makeCall()
    const b = makeCall()
    const quiet = makeCall({ answeredBy: 'fallback' })
    for (const c of [a, b, quiet]) emit('call.started', c)
    emit('turn.opened', { turnId: 'ta', callId: a.id, transcript: 'hi', deadline: inSeconds(20) })
    expect(document.title).toBe('(1 waiting) Switchboard')
    emit('turn.opened', { turnId: 'tb', callId: b.id, transcript: 'hello', deadline: inSeconds(20) })
    // A fallback-only call is answered by the fallback line: nobody is waited for.
    emit('turn.opened', { turnId: 'tq', callId: quiet.id, transcript: 'hey', deadline: inSeconds(20) })
    expect(document.title).toBe('(2 waiting) Switchboard')
    emit('call.ended', { ...b, status: 'completed', endedAt: new Date().toISOString() })
    expect(document.title).toBe('(1 waiting) Switchboard')
    emit('turn.closed', { turnId: 'ta', callId: a.id, outcome: 'replied' })
    expect(document.title).toBe('Switchboard')
    expect(screen.getByRole('navigation', { name: 'Main' }).textContent).not.toMatch(/\d/)
  })
})

/** A canvas that records what was drawn, since jsdom has none; its data URL names the badge text. */
function recordingEnv(base: { href: string }) {
  const drawn: Array<{ image: unknown; text: string | null; fill: string[] }> = []
  const images: Array<{ url: string; resolve: (img: unknown) => void; reject: (e: Error) => void }> = []
  const link = document.createElement('link')
  link.rel = 'icon'
  link.type = 'image/svg+xml'
  link.href = base.href
  document.head.append(link)
  const env: FaviconEnv = {
    link: () => link,
    loadImage: (url) => new Promise((resolve, reject) => images.push({ url, resolve: resolve as (img: unknown) => void, reject })),
    canvas() {
      const rec = { image: null as unknown, text: null as string | null, fill: [] as string[] }
      const ctx = {
        clearRect() {},
        drawImage: (image: unknown) => void (rec.image = image),
        beginPath() {},
        arc() {},
        fill() {
          rec.fill.push(String(ctx.fillStyle))
        },
        stroke() {},
        fillText: (text: string) => void (rec.text = text),
        fillStyle: '',
        strokeStyle: '',
        lineWidth: 0,
        font: '',
        textAlign: '',
        textBaseline: ''
      }
      drawn.push(rec)
      return { ctx: ctx as unknown as CanvasRenderingContext2D, toDataUrl: () => `data:image/png;base64,${btoa(rec.text ?? '')}` }
    }
  }
  return { env, link, drawn, images }
}

describe('the favicon badge', () => {
  afterEach(() => {
    document.head.querySelectorAll('link[rel="icon"]').forEach((l) => l.remove())
  })

  it('draws the count on the base icon and swaps the link to it; back to the base icon at zero', async () => {
    const bridge = fakeBridge()
    const store = createAppStore(bridge, null)
    const { env, link, drawn, images } = recordingEnv({ href: 'http://127.0.0.1/assets/favicon-abc.svg' })
    const stop = startFaviconBadge(store, env)
    expect(images).toHaveLength(0) // nothing waiting: the base icon is never even loaded

    const a = makeCall()
    const b = makeCall()
    store.getState().upsertCall(a)
    store.getState().upsertCall(b)
    store.getState().openTurn({ turnId: 'ta', callId: a.id, transcript: 'hi', deadline: inSeconds(20), claimedBy: null })
    expect(images.map((i) => i.url)).toEqual(['http://127.0.0.1/assets/favicon-abc.svg'])
    const baseImage = { name: 'the decoded base icon' }
    await act(async () => images[0]?.resolve(baseImage))
    expect(drawn.at(-1)).toMatchObject({ image: baseImage, text: '1' })
    expect(drawn.at(-1)?.fill).toContain('#d93025')
    expect(link.href).toBe(`data:image/png;base64,${btoa('1')}`)
    expect(link.type).toBe('image/png')

    store.getState().openTurn({ turnId: 'tb', callId: b.id, transcript: 'hello', deadline: inSeconds(20), claimedBy: null })
    await act(async () => undefined)
    expect(link.href).toBe(`data:image/png;base64,${btoa('2')}`)
    expect(images).toHaveLength(1) // decoded once, drawn again

    store.getState().closeTurn('ta')
    store.getState().closeTurn('tb')
    await act(async () => undefined)
    expect(link.href).toBe('http://127.0.0.1/assets/favicon-abc.svg')
    expect(link.type).toBe('image/svg+xml')
    stop()
  })

  it('draws only the latest count when the count moves while the icon loads', async () => {
    const store = createAppStore(fakeBridge(), null)
    const { env, link, drawn, images } = recordingEnv({ href: 'http://127.0.0.1/favicon.svg' })
    startFaviconBadge(store, env)
    const calls = [makeCall(), makeCall(), makeCall()]
    for (const [i, c] of calls.entries()) {
      store.getState().upsertCall(c)
      store.getState().openTurn({ turnId: `t${i}`, callId: c.id, transcript: '', deadline: inSeconds(20), claimedBy: null })
    }
    await act(async () => images[0]?.resolve({}))
    expect(drawn.map((d) => d.text)).toEqual(['3'])
    expect(link.href).toBe(`data:image/png;base64,${btoa('3')}`)
  })

  it('gives up quietly where the canvas cannot be read back (a file:// page), keeping the base icon', async () => {
    const store = createAppStore(fakeBridge(), null)
    const { env, link, images } = recordingEnv({ href: 'file:///app/out/renderer/assets/favicon.svg' })
    const tainted: FaviconEnv = {
      ...env,
      canvas: (size) => {
        const real = env.canvas(size)
        return real && { ctx: real.ctx, toDataUrl: () => { throw new DOMException('Tainted canvases may not be exported.', 'SecurityError') } }
      }
    }
    startFaviconBadge(store, tainted)
    const call = makeCall()
    store.getState().upsertCall(call)
    store.getState().openTurn({ turnId: 't1', callId: call.id, transcript: '', deadline: inSeconds(20), claimedBy: null })
    await act(async () => images[0]?.resolve({}))
    expect(link.href).toBe('file:///app/out/renderer/assets/favicon.svg')
    expect(link.type).toBe('image/svg+xml')
  })

  it('caps the badge at 9+ so it stays legible at 16 px', () => {
    expect([1, 9, 10, 42].map(badgeText)).toEqual(['1', '9', '9+', '9+'])
  })
})
