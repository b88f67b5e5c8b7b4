import { MessageSquareDashed } from 'lucide-react'
import { useEffect } from 'react'
import type { TranscriptTurn } from '../../../src-preload/contract'
import { EmptyState } from '../../components/EmptyState'
import { formatClock } from '../../lib/format'
import { sourceWord, WORDS } from '../../lib/words'
import { LineText, Outcome } from '../call/Transcript'

/** Names the two sides as the live call did: the far end ("Caller", "Person called", "Sandbox phone") and the agent. */
export type Sides = { party: string; agent: string; simulated: boolean }

/**
 * Who said a line, in the live transcript's words: the far end, or the agent with who or what
 * spoke for it (the person by name, "holding line", "fallback line", "AI", "autopilot · model").
 */
export function lineSpeaker(line: TranscriptTurn, sides: Sides): { who: string; via: string | null } {
  if (line.speaker === 'caller') return { who: sides.party, via: null }
  const via = line.source === 'human' ? line.by || 'a person' : sourceWord(line, sides.simulated)
  return { who: sides.agent, via }
}

export const transcriptLineId = (index: number): string => `after-line-${index}`

/** Every line of a finished call, with its time and who said it; a search hit's line is brought into view and marked. */
export function FullTranscript({ lines, focusLine, ended, sides }: { lines: TranscriptTurn[]; focusLine: number | null; ended: boolean; sides: Sides }) {
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
          const { who, via } = lineSpeaker(line, sides)
          const hit = i === focusLine
          return (
            <li key={i} id={transcriptLineId(i)} tabIndex={-1} className={`line line--${line.speaker}${line.interim ? ' line--interim' : ''}${hit ? ' line--hit' : ''}`} aria-current={hit ? 'true' : undefined}>
              <span className="line-meta">
                <span className="line-speaker">{who}</span>
                {via ? <span className={`tag tag--${line.source}`}>{via}</span> : null}
                <time className="mono muted" dateTime={line.at}>{formatClock(line.at)}</time>
                {line.interim ? (
                  <span className="tag tag--interim" title={WORDS.moreToComeWhy}>
                    {WORDS.moreToCome}
                  </span>
                ) : null}
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
