// Drives sandbox calls over the bridge: dials `calls` calls, then runs say → (filler) → reply
// cycles at a steady rate until `targetLines` transcript lines have flowed (or time runs out).
// Each cycle adds three lines: the caller's, the core's interim filler and the typed reply.
import { setInterval, clearInterval } from 'node:timers'
import { setTimeout as sleep } from 'node:timers/promises'

const SAY = (c, n) => `Caller ${c} asks question ${n}: could you check my order status and delivery date please?`
const REPLY = (c, n) => `Answer ${n} for caller ${c}: your order ships tomorrow morning and arrives Friday.`

/** Runs `fn` over `items` with at most `limit` promises pending at once. */
async function pool(items, limit, fn) {
  const queue = [...items]
  const workers = Array.from({ length: Math.min(limit, queue.length) }, async () => {
    while (queue.length) await fn(queue.shift())
  })
  await Promise.all(workers)
}

export function createLoad({ bridge, to }) {
  /** callId → { index, busy, seq, lines: [{speaker, text, at}] } for the calls this load owns. */
  const calls = new Map()
  let lineCount = 0
  let replyDelayMs = 0
  let errors = 0
  let lastError = ''

  const fail = (err) => {
    errors += 1
    lastError = err instanceof Error ? err.message : String(err)
  }

  /** Feed every bridge event here. */
  function onEvent(event, data) {
    const c = data && calls.get(data.callId)
    if (!c) return
    if (event === 'transcript.turn') {
      c.lines.push({ speaker: data.speaker, text: data.text, at: Date.parse(data.at) })
      lineCount += 1
    } else if (event === 'turn.opened') {
      const n = c.seq
      const reply = () => bridge.call('turns.reply', { turnId: data.turnId, text: REPLY(c.index, n) }).catch(fail)
      if (replyDelayMs > 0) setTimeout(reply, replyDelayMs)
      else void reply()
    } else if (event === 'turn.closed') {
      c.busy = false
    } else if (event === 'call.ended') {
      c.ended = true
    }
  }

  async function dial(count) {
    const ids = []
    await pool(
      Array.from({ length: count }, (_, i) => i),
      16,
      async (i) => {
        const { callId } = await bridge.call('sandbox.dial', { to, from: `+1555${String(2000000 + i).padStart(7, '0')}` })
        ids.push(callId)
        calls.set(callId, { id: callId, index: calls.size, busy: false, ended: false, seq: 0, lines: [] })
      }
    )
    return ids
  }

  /**
   * Starts cycles on idle calls at `cyclesPerSecond` until `lines` more lines have arrived or
   * `maxMs` passed, then waits briefly for open cycles to close. Resolves with what happened.
   */
  async function run({ lines, cyclesPerSecond, maxMs, replyAfterMs = 0 }) {
    replyDelayMs = replyAfterMs
    const start = Date.now()
    const startLines = lineCount
    const order = [...calls.values()]
    let cursor = 0
    let credit = 0
    let last = start
    let started = 0
    const done = () => lineCount - startLines >= lines || Date.now() - start >= maxMs
    await new Promise((resolve) => {
      const tick = setInterval(() => {
        if (done()) {
          clearInterval(tick)
          return resolve()
        }
        const now = Date.now()
        credit = Math.min(credit + ((now - last) / 1000) * cyclesPerSecond, cyclesPerSecond) // at most 1 s of catch-up
        last = now
        for (let scanned = 0; credit >= 1 && scanned < order.length && bridge.inFlight() < 200; scanned++) {
          const c = order[cursor++ % order.length]
          if (c.busy || c.ended) continue
          c.busy = true
          c.seq += 1
          credit -= 1
          started += 1
          bridge.call('sandbox.say', { callId: c.id, text: SAY(c.index, c.seq) }).catch((err) => {
            c.busy = false
            fail(err)
          })
        }
      }, 10)
    })
    const elapsedMs = Date.now() - start
    const deadline = Date.now() + 5000
    while (order.some((c) => c.busy && !c.ended) && Date.now() < deadline) await sleep(50)
    return { lines: lineCount - startLines, cycles: started, elapsedMs, errors, lastError }
  }

  async function hangupAll() {
    await pool([...calls.keys()], 16, (callId) => bridge.call('sandbox.hangup', { callId }).catch(() => undefined))
  }

  return { onEvent, dial, run, hangupAll, calls, lineCount: () => lineCount }
}
