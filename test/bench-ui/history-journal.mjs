// Writes a journal the way the core does (JSON lines, `{"seq","at","kind","data"}`), holding
// `calls` finished calls of `linesPerCall` transcript lines each, spread over the last weeks:
// what History and search read at start. Seeded, so every run reads the same words.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const WORDS = (
  'the a to you and i is it that for my on your can of have be with this me what we do order ' +
  'please thanks hello yes no okay sure call back today tomorrow week time number account card ' +
  'delivery parcel package courier address change cancel refund payment invoice bill charge late ' +
  'missing broken damaged replace return label driver warehouse store shop open close hours sunday ' +
  'monday friday morning evening appointment booking table reservation two four people dinner ' +
  'doctor prescription pharmacy insurance claim policy quote price discount coupon subscription ' +
  'plan upgrade downgrade internet router password reset login email phone text message voicemail ' +
  'manager supervisor agent transfer hold wait minute second help problem issue question problem ' +
  'status tracking shipped arrived wrong size colour blue red green black white small medium large ' +
  'kitchen bathroom plumber leak water heating boiler engineer visit window door key lock garage'
).split(' ')
const NAMES = ['Grace', 'Alan', 'Ada', 'Linus', 'Barbara']

export function seeded(seed) {
  let x = seed >>> 0
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0
    return x / 4294967296
  }
}

/** A word, common ones far more often (Zipf-like), sometimes a four-digit order number. */
export function wordFrom(rnd) {
  if (rnd() < 0.03) return String(1000 + Math.floor(rnd() * 9000))
  return WORDS[Math.min(WORDS.length - 1, Math.floor(Math.pow(rnd(), 2) * WORDS.length))]
}

function sentence(rnd) {
  const n = 6 + Math.floor(rnd() * 11)
  const words = Array.from({ length: n }, () => wordFrom(rnd))
  return words.join(' ').replace(/^./, (c) => c.toUpperCase()) + (rnd() < 0.3 ? '?' : '.')
}

/** Writes `<dataDir>/journal/journal-000001.jsonl`; answers every line's text (the baseline scans them). */
export function writeJournal(dataDir, { calls, linesPerCall, now = Date.now(), seed = 42 }) {
  const rnd = seeded(seed)
  const dir = path.join(dataDir, 'journal')
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const out = []
  const texts = []
  let seq = 1
  const rec = (at, kind, data) => out.push(JSON.stringify({ seq: seq++, at, kind, data }))
  const span = 20 * 86_400_000
  for (let i = 0; i < calls; i++) {
    const start = now - span + Math.floor((i / calls) * span)
    const id = `call_bench_${String(i).padStart(6, '0')}`
    const iso = (ms) => new Date(ms).toISOString()
    const inbound = rnd() < 0.7
    const party = `+1415555${String(1000 + (i % 9000)).padStart(4, '0')}`
    const hosted = rnd() < 0.15
    rec(iso(start), 'call', {
      id, agentId: 'agt_bench', agentName: hosted ? 'Hosted Helper' : 'Bench Agent', voiceMode: hosted ? 'hosted' : 'webhook',
      direction: inbound ? 'inbound' : 'outbound', from: inbound ? party : '+14155550100', to: inbound ? '+14155550100' : party,
      status: 'in-progress', startedAt: iso(start), endedAt: null, lastWords: null, answeredBy: 'human', waitingTurn: null
    })
    const name = NAMES[i % NAMES.length]
    for (let j = 0; j < linesPerCall; j++) {
      const at = iso(start + (j + 1) * 4000)
      const caller = j % 2 === 0
      const text = sentence(rnd)
      texts.push(text)
      const source = caller ? 'caller' : hosted ? 'hosted' : rnd() < 0.2 ? 'fallback' : 'human'
      rec(at, 'line', { callId: id, speaker: caller ? 'caller' : 'agent', text, at, source, ...(source === 'human' ? { by: name } : {}) })
    }
    const end = start + (linesPerCall + 2) * 4000
    rec(iso(end), 'call.ended', { callId: id, endedAt: iso(end), status: 'completed', reason: rnd() < 0.5 ? 'user_hangup' : 'agent_hangup' })
  }
  writeFileSync(path.join(dir, 'journal-000001.jsonl'), out.join('\n') + '\n', { mode: 0o600 })
  return texts
}
