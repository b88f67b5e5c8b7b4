/* global window, document, performance, PerformanceObserver, MutationObserver, MessageChannel, requestAnimationFrame */
// Runs inside the page (handed to page.evaluate, so no closures over this module). Watches:
// - the main thread: 'longtask' entries, plus the gap between animation frames as a fallback;
// - every Monitor row's "last words" cell: each text change, and each row mount and unmount,
//   stamped with the wall-clock time of the frame that paints it.

export function installProbe() {
  if (window.__bench) return
  const wall = () => performance.timeOrigin + performance.now()
  const ROW = '[id^="call-row-"]'
  const wordsOf = (row) => (row.querySelector('.cell--words') ?? row.lastElementChild)?.textContent ?? ''
  const idOf = (row) => row.id.slice('call-row-'.length)
  const b = {
    longTasks: [],
    maxGap: 0,
    gapsOver50: 0,
    frames: 0,
    rows: {},
    last: {},
    pending: [],
    reset() {
      this.longTasks = []
      this.maxGap = 0
      this.gapsOver50 = 0
      this.frames = 0
      this.rows = {}
      // Rows already on screen count as mounted from now on.
      const t = wall()
      for (const row of document.querySelectorAll(ROW)) {
        const text = wordsOf(row)
        b.last[idOf(row)] = text
        ;(this.rows[idOf(row)] ??= []).push({ type: 'mount', text, t })
      }
    }
  }
  window.__bench = b
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push(e.duration)
    }).observe({ type: 'longtask', buffered: false })
    b.longTaskSupported = true
  } catch {
    b.longTaskSupported = false
  }
  // While the frame's animation callbacks run (the probe's own comes first: it re-registers
  // earliest), a DOM change is painted in this very frame; a MessageChannel task posted from the
  // probe's callback runs after that frame's paint and ends the window.
  const channel = new MessageChannel()
  channel.port1.onmessage = () => {
    b.inFrame = false
  }
  let prev = performance.now()
  const frame = (now) => {
    b.inFrame = true
    channel.port2.postMessage(0)
    const gap = now - prev
    prev = now
    b.frames += 1
    if (gap > b.maxGap) b.maxGap = gap
    if (gap > 50) b.gapsOver50 += 1
    if (b.pending.length) {
      const t = wall()
      for (const p of b.pending) (b.rows[p.id] ??= []).push({ ...p.rec, t })
      b.pending = []
    }
    requestAnimationFrame(frame)
  }
  requestAnimationFrame(frame)

  const rowsIn = (node) => {
    if (node.nodeType !== 1) return []
    const found = node.matches(ROW) ? [node] : []
    return found.concat([...node.querySelectorAll(ROW)])
  }
  // Changed inside a frame's callbacks: on screen now. Otherwise: on screen at the next frame.
  const note = (id, rec) => (b.inFrame ? (b.rows[id] ??= []).push({ ...rec, t: wall() }) : b.pending.push({ id, rec }))
  new MutationObserver((mutations) => {
    const touched = new Set()
    for (const m of mutations) {
      for (const n of m.removedNodes) {
        for (const row of rowsIn(n)) {
          if (row.isConnected) continue
          note(idOf(row), { type: 'unmount' })
          delete b.last[idOf(row)]
        }
      }
      for (const n of m.addedNodes) {
        for (const row of rowsIn(n)) {
          const text = wordsOf(row)
          b.last[idOf(row)] = text
          note(idOf(row), { type: 'mount', text })
        }
      }
      const el = m.target.nodeType === 1 ? m.target : m.target.parentElement
      const row = el?.closest?.(ROW)
      if (row) touched.add(row)
    }
    for (const row of touched) {
      if (!row.isConnected) continue
      const id = idOf(row)
      const text = wordsOf(row)
      if (b.last[id] === text) continue
      b.last[id] = text
      note(id, { type: 'text', text })
    }
  }).observe(document.body, { subtree: true, childList: true, characterData: true })
}

export function resetProbe() {
  window.__bench.reset()
}

export function readProbe() {
  const b = window.__bench
  return {
    longTasks: b.longTasks,
    longTaskSupported: b.longTaskSupported,
    maxGap: b.maxGap,
    gapsOver50: b.gapsOver50,
    frames: b.frames,
    rows: b.rows
  }
}
