import { MessageSquareDashed } from 'lucide-react'
import { useEffect } from 'react'
import type { TranscriptTurn } from '../../../src-preload/contract'
import { EmptyState } from '../../components/EmptyState'
import { formatClock } from '../../lib/format'
import { LineText, Outcome } from '../call/Transcript'

/** Who said a line, in words: the caller, or the agent with who spoke for it. */
export function lineSpeaker(line: TranscriptTurn): { who: string; via: string | null } {
  if (line.speaker === 'caller') return { who: 'Caller', via: null }
  const source: string | undefined = line.source
  const via =
    source === 'human' ? line.by || 'a person'
    : source === 'fallback' ? 'fallback line'
    : source === 'hosted' ? 'hosted agent'
    : source === 'copilot' ? 'copilot'
    : source === 'filler' ? 'filler'
    : source === 'greeting' ? 'greeting'
    : null
  return { who: 'Agent', via }
}

export const transcriptLineId = (index: number): string => `after-line-${index}`

/** Every line of a finished call, with its time and who said it; a search hit's line is brought into view and marked. */
export function FullTranscript({ lines, focusLine, ended }: { lines: TranscriptTurn[]; focusLine: number | null; ended: boolean }) {
  useEffect(() => {
    if (focusLine === null) return
    const el = document.getElementById(transcriptLineId(focusLine))
    el?.scrollIntoView({ block: 'center' })
    el?.focus()
  }, [focusLine])
  if (lines.length === 0) {
    return (
      <EmptyState icon={MessageSquareDashed} title="Nothing was said on this call.">
        <p>{ended ? 'It ended before either side spoke.' : 'Both sides of the conversation appear here as they speak.'}</p>
      </EmptyState>
    )
  }
  return (
    <div className="after-transcript" role="log" aria-label="Transcript">
      <ol className="transcript-lines">
        {lines.map((line, i) => {
          if (line.speaker === 'system') return <Outcome key={i} line={line} id={transcriptLineId(i)} />
          const { who, via } = lineSpeaker(line)
          const hit = i === focusLine
          return (
            <li key={i} id={transcriptLineId(i)} tabIndex={-1} className={`line line--${line.speaker}${line.interim ? ' line--interim' : ''}${hit ? ' line--hit' : ''}`} aria-current={hit ? 'true' : undefined}>
              <span className="line-meta">
                <span className="line-speaker">{who}</span>
                {via ? <span className={`tag tag--${line.source}`}>{via}</span> : null}
                <time className="mono muted" dateTime={line.at}>{formatClock(line.at)}</time>
                {line.interim ? <span className="tag tag--interim">interim</span> : null}
                {hit ? <span className="tag tag--hit">match</span> : null}
              </span>
              <LineText line={line} />
            </li>
          )
        })}
      </ol>
    </div>
  )
}
