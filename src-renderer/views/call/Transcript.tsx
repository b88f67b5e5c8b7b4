import { ArrowDown, CircleSlash, MessageSquareDashed, PhoneOff, TimerOff } from 'lucide-react'
import { useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { TranscriptTurn } from '../../../src-preload/contract'
import { EmptyState } from '../../components/EmptyState'
import { partyName } from '../../lib/call-labels'
import { formatClock, formatPhone } from '../../lib/format'
import { hearingWord, keysWord, sourceWord, WORDS } from '../../lib/words'
import { useAppStore } from '../../store/store-context'
import type { TurnClosure } from '../../store/supervision-types'

const NO_CLOSURES: TurnClosure[] = []

type Entry = { kind: 'line'; line: TranscriptTurn } | { kind: 'closure'; closure: TurnClosure }

/** Lines and turn closures in time order; a closure lands after lines with the same time. */
function entries(lines: TranscriptTurn[] | undefined, closures: TurnClosure[]): Entry[] {
  const out: Entry[] = (lines ?? []).map((line) => ({ kind: 'line', line }))
  if (closures.length === 0) return out
  for (const closure of closures) {
    const t = Date.parse(closure.at)
    let i = out.length
    while (i > 0) {
      const prev = out[i - 1]
      if (!prev || Date.parse(prev.kind === 'line' ? prev.line.at : prev.closure.at) <= t) break
      i--
    }
    out.splice(i, 0, { kind: 'closure', closure })
  }
  return out
}

/** Within this many pixels of the bottom counts as "at the bottom" (following along). */
const STICK_PX = 32

/** The live transcript; follows new lines unless the person has scrolled up to read. */
export function Transcript({ callId }: { callId: string }) {
  const lines = useAppStore((s) => s.transcripts[callId])
  const closures = useAppStore((s) => s.closures[callId] ?? NO_CLOSURES)
  const simulated = useAppStore((s) => s.status?.mode === 'sandbox')
  // The far end keeps the name the call's header gives it ("Sandbox phone", "Caller", "Person called").
  const party = useAppStore((s) => {
    const call = s.calls[callId]
    return call ? partyName(call, s.phoneCallId, s.status?.mode === 'sandbox') : 'Caller'
  })
  const agentName = useAppStore((s) => s.calls[callId]?.agentName ?? 'Agent')
  const ended = useAppStore((s) => {
    const status = s.calls[callId]?.status
    return status === 'completed' || status === 'failed'
  })
  const all = useMemo(() => entries(lines, closures), [lines, closures])
  const boxRef = useRef<HTMLDivElement>(null)
  const stick = useRef(true)
  const [unseen, setUnseen] = useState(false)
  const count = all.length

  useLayoutEffect(() => {
    const box = boxRef.current
    if (!box) return
    if (stick.current) box.scrollTop = box.scrollHeight
    else if (count > 0) setUnseen(true)
  }, [count])

  const onScroll = (): void => {
    const box = boxRef.current
    if (!box) return
    stick.current = box.scrollHeight - box.scrollTop - box.clientHeight < STICK_PX
    if (stick.current) setUnseen(false)
  }
  const jump = (): void => {
    const box = boxRef.current
    if (box) box.scrollTop = box.scrollHeight
    stick.current = true
    setUnseen(false)
  }

  return (
    <div className="transcript-wrap">
      {count === 0 ? (
        ended ? (
          <EmptyState icon={MessageSquareDashed} title="Nothing was said on this call.">
            <p>It ended before either side spoke.</p>
          </EmptyState>
        ) : (
          <EmptyState icon={MessageSquareDashed} title="Nothing said yet.">
            <p>Both sides of the conversation appear here as they speak.</p>
          </EmptyState>
        )
      ) : null}
      {/* The log is there even when empty so assistive tech (and tests) can find it before words arrive. */}
      {/* The log wraps the list: a list given role="log" would orphan its items (axe: listitem). */}
      <div
        ref={boxRef}
        className={count === 0 ? 'transcript transcript--empty' : 'transcript'}
        role="log"
        aria-label="Transcript"
        onScroll={onScroll}
      >
        <ol className="transcript-lines">
          {all.map((e, i) =>
            e.kind === 'closure' ? (
              <Closure key={i} closure={e.closure} />
            ) : e.line.speaker === 'system' ? (
              <Outcome key={i} line={e.line} />
            ) : (
              <Line key={i} line={e.line} simulated={simulated} party={party} agent={agentName} />
            )
          )}
        </ol>
      </div>
      {unseen ? (
        <button type="button" className="button jump-latest" onClick={jump}>
          <ArrowDown size={14} aria-hidden="true" /> New lines — jump to latest
        </button>
      ) : null}
    </div>
  )
}

/** A turn that closed without a person's answer: said inline, where it happened. */
function Closure({ closure }: { closure: TurnClosure }) {
  const fallback = closure.outcome === 'fallback'
  const Icon = fallback ? TimerOff : CircleSlash
  return (
    <li className={`line line--event line--${closure.outcome}`}>
      <span className="line-meta">
        <Icon size={13} aria-hidden="true" />
        <span className="line-speaker">{fallback ? 'Fallback line' : 'Not answered'}</span>
        <time className="mono muted" dateTime={closure.at}>
          {formatClock(closure.at)}
        </time>
      </span>
      <span className="line-text">
        {fallback
          ? 'Nobody replied before the time ran out, so the fallback line answered.'
          : 'No answer went out: the call stopped waiting for this turn (the line dropped or AgentPhone gave up) before anyone replied.'}
      </span>
    </li>
  )
}

/** How the call ended: a line of its own, in the transcript where it happened (`id`: a place to jump to). */
export function Outcome({ line, id }: { line: TranscriptTurn; id?: string }) {
  return (
    <li id={id} tabIndex={id ? -1 : undefined} className="line line--event line--outcome">
      <span className="line-meta">
        <PhoneOff size={13} aria-hidden="true" />
        <span className="line-speaker">Call ended</span>
        <time className="mono muted" dateTime={line.at}>
          {formatClock(line.at)}
        </time>
      </span>
      <span className="line-text">{outcomeText(line.text)}</span>
    </li>
  )
}

/** "Transferred to +14155550177" reads with the number as people write it. */
function outcomeText(text: string): string {
  const m = /^Transferred to (\+\d{6,15})$/.exec(text)
  return m?.[1] ? `Transferred to ${formatPhone(m[1])}` : text
}

function Line({ line, simulated, party, agent }: { line: TranscriptTurn; simulated: boolean; party: string; agent: string }) {
  const caller = line.speaker === 'caller'
  const source = caller ? null : sourceWord(line, simulated)
  const hearing = caller ? hearingWord(line.confidence) : null
  return (
    <li className={`line line--${line.speaker}${line.interim ? ' line--interim' : ''}`}>
      <span className="line-meta">
        <span className="line-speaker">{caller ? party : agent}</span>
        <time className="mono muted" dateTime={line.at}>
          {formatClock(line.at)}
        </time>
        {source ? <span className={`tag tag--${line.source}`}>{source}</span> : null}
        {line.interim ? (
          <span className="tag tag--interim" title={WORDS.moreToComeWhy}>
            {WORDS.moreToCome}
          </span>
        ) : null}
        {hearing ? <span className="tag tag--unsure" title="Speech recognition was not sure of these words">{hearing}</span> : null}
      </span>
      <LineText line={line} />
    </li>
  )
}

/** What was said, with any keys pressed and what the line did to the call (it may have no words). */
export function LineText({ line }: { line: TranscriptTurn }) {
  return (
    <span className="line-text">
      {line.text}
      {line.digits ? <span className="muted">{line.text ? ' · ' : ''}{keysWord(line.digits)}</span> : null}
      {line.action ? <span className="muted">{line.text || line.digits ? ' · ' : ''}{line.action === 'transfer' ? 'transferred the call' : 'hung up'}</span> : null}
    </span>
  )
}
