import { ArrowDown, MessageSquareDashed } from 'lucide-react'
import { useLayoutEffect, useRef, useState } from 'react'
import type { TranscriptTurn } from '../../../src-preload/contract'
import { EmptyState } from '../../components/EmptyState'
import { formatClock } from '../../lib/format'
import { useAppStore } from '../../store/store-context'

const SOURCE_WORD: Record<NonNullable<TranscriptTurn['source']>, string | null> = {
  filler: 'filler',
  human: 'you',
  fallback: 'fallback',
  hosted: 'hosted',
  greeting: 'greeting',
  caller: null
}

/** Within this many pixels of the bottom counts as "at the bottom" (following along). */
const STICK_PX = 32

/** The live transcript; follows new lines unless the person has scrolled up to read. */
export function Transcript({ callId }: { callId: string }) {
  const lines = useAppStore((s) => s.transcripts[callId])
  const boxRef = useRef<HTMLOListElement>(null)
  const stick = useRef(true)
  const [unseen, setUnseen] = useState(false)
  const count = lines?.length ?? 0

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
        <EmptyState icon={MessageSquareDashed} title="Nothing said yet.">
          <p>Both sides of the conversation appear here as they speak.</p>
        </EmptyState>
      ) : null}
      {/* The log is there even when empty so assistive tech (and tests) can find it before words arrive. */}
      <ol
        ref={boxRef}
        className={count === 0 ? 'transcript transcript--empty' : 'transcript'}
        role="log"
        aria-label="Transcript"
        onScroll={onScroll}
      >
        {lines?.map((l, i) => <Line key={i} line={l} />)}
      </ol>
      {unseen ? (
        <button type="button" className="button jump-latest" onClick={jump}>
          <ArrowDown size={14} aria-hidden="true" /> New lines — jump to latest
        </button>
      ) : null}
    </div>
  )
}

function Line({ line }: { line: TranscriptTurn }) {
  const caller = line.speaker === 'caller'
  const source = line.source ? SOURCE_WORD[line.source] : null
  return (
    <li className={`line line--${line.speaker}${line.interim ? ' line--interim' : ''}`}>
      <span className="line-meta">
        <span className="line-speaker">{caller ? 'Caller' : 'Agent'}</span>
        <time className="mono muted" dateTime={line.at}>
          {formatClock(line.at)}
        </time>
        {!caller && source ? <span className={`tag tag--${line.source}`}>{source}</span> : null}
        {line.interim ? <span className="tag tag--interim">interim</span> : null}
      </span>
      <span className="line-text">
        {line.text}
        {line.digits ? <span className="mono muted"> (keys {line.digits})</span> : null}
      </span>
    </li>
  )
}
