import { waitingTurns } from '../../store/selectors'
import type { AppStore } from '../../store/types'

/** Drawn at this size; browsers scale it down to 16–32 px, where the badge still reads. */
export const ICON_SIZE = 64
/** The badge's colours: red with white text reads on light and dark tab strips alike. */
export const BADGE_FILL = '#d93025'
const BADGE_TEXT = '#ffffff'

/** What goes in the badge: the count, capped so two digits never shrink to a blur. */
export function badgeText(count: number): string {
  return count > 9 ? '9+' : String(count)
}

/** The base icon with a count badge in the top-right corner. */
export function drawBadge(ctx: CanvasRenderingContext2D, base: CanvasImageSource, count: number, size = ICON_SIZE): void {
  ctx.clearRect(0, 0, size, size)
  ctx.drawImage(base, 0, 0, size, size)
  const r = size * 0.3
  const cx = size - r
  const cy = r
  ctx.beginPath()
  ctx.arc(cx, cy, r, 0, Math.PI * 2)
  ctx.fillStyle = BADGE_FILL
  ctx.fill()
  ctx.lineWidth = size * 0.05
  ctx.strokeStyle = BADGE_TEXT
  ctx.stroke()
  ctx.fillStyle = BADGE_TEXT
  ctx.font = `700 ${Math.round(r * (count > 9 ? 1.05 : 1.4))}px system-ui, sans-serif`
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  ctx.fillText(badgeText(count), cx, cy + size * 0.02)
}

/** The browser pieces the badge needs, swappable in tests (jsdom has no canvas or image decoding). */
export type FaviconEnv = {
  /** The page's <link rel="icon">. */
  link(): HTMLLinkElement | null
  loadImage(url: string): Promise<CanvasImageSource>
  /** A 2D canvas of the given size, or null where there is none. */
  canvas(size: number): { ctx: CanvasRenderingContext2D; toDataUrl(): string } | null
}

export function browserFaviconEnv(): FaviconEnv {
  return {
    link: () => document.querySelector<HTMLLinkElement>('link[rel~="icon"]'),
    loadImage: (url) =>
      new Promise((resolve, reject) => {
        const img = new Image()
        img.onload = () => resolve(img)
        img.onerror = () => reject(new Error(`the favicon ${url} did not load`))
        img.src = url
      }),
    canvas(size) {
      const el = document.createElement('canvas')
      el.width = size
      el.height = size
      const ctx = el.getContext('2d')
      return ctx ? { ctx, toDataUrl: () => el.toDataURL('image/png') } : null
    }
  }
}

/**
 * Puts the waiting count on the page's favicon: drawn on a canvas from the base icon, then swapped
 * in as a PNG data URL (the page's policy allows data: images); back to the base icon at zero.
 * The tab then says "someone is waiting" while the person is in another tab.
 */
export function startFaviconBadge(store: AppStore, env: FaviconEnv = browserFaviconEnv()): () => void {
  const link = env.link()
  if (!link) return () => undefined
  const baseHref = link.href
  const baseType = link.type
  let base: Promise<CanvasImageSource> | null = null
  let wanted = 0
  let stopped = false
  // A page loaded from file:// (the packaged Electron window) may not read back what it drew: the
  // canvas counts as tainted. The window shows no favicon there anyway, so the badge just stops.
  let unsupported = false

  const show = async (count: number): Promise<void> => {
    if (unsupported) return
    if (count === 0) {
      link.href = baseHref
      link.type = baseType
      return
    }
    base ??= env.loadImage(baseHref)
    let image: CanvasImageSource
    try {
      image = await base
    } catch {
      base = null // try again next time; the title still carries the count
      return
    }
    // The count may have moved on while the image loaded: only the latest is drawn.
    if (stopped || count !== wanted) return
    const canvas = env.canvas(ICON_SIZE)
    if (!canvas) return
    let badged: string
    try {
      drawBadge(canvas.ctx, image, count)
      badged = canvas.toDataUrl()
    } catch {
      unsupported = true
      return
    }
    link.type = 'image/png'
    link.href = badged
  }

  const apply = (): void => {
    const count = waitingTurns(store.getState()).length
    if (count === wanted) return
    wanted = count
    void show(count)
  }
  apply()
  const off = store.subscribe(apply)
  return () => {
    stopped = true
    off()
    link.href = baseHref
    link.type = baseType
  }
}
