import { CircleAlert } from 'lucide-react'
import { useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { ScenarioProblem } from '../../../src-preload/contract'
import { useAppStore } from '../../store/store-context'

/** Puts the caret at the start of a line and scrolls it into view (textareas have no line API). */
function goToLine(area: HTMLTextAreaElement, line: number): void {
  const lines = area.value.split('\n')
  const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0)
  area.focus()
  area.setSelectionRange(offset, offset + (lines[line - 1]?.length ?? 0))
  const lineHeight = area.scrollHeight / Math.max(1, lines.length)
  area.scrollTop = Math.max(0, (line - 3) * lineHeight)
}

/**
 * The scenario text with a line-number gutter that marks each line with a problem, and the problems
 * listed below it; choosing one selects its line.
 */
export function ScenarioEditor() {
  const { text, problems, setText } = useAppStore(useShallow((s) => ({ text: s.scenarioText, problems: s.scenarioProblems, setText: s.setScenarioText })))
  const area = useRef<HTMLTextAreaElement>(null)
  const gutter = useRef<HTMLDivElement>(null)
  const bad = new Set(problems.map((p) => p.line).filter((l): l is number => l !== null))
  const count = text.split('\n').length
  return (
    <div className="sc-editor">
      <div className="sc-code">
        <div className="sc-gutter mono" ref={gutter} aria-hidden="true">
          {Array.from({ length: count }, (_, i) => (
            <div key={i} className={bad.has(i + 1) ? 'sc-gutter-bad' : undefined}>
              {bad.has(i + 1) ? '!' : ''}
              {i + 1}
            </div>
          ))}
        </div>
        <textarea
          ref={area}
          className="sc-text mono"
          aria-label="Scenario (YAML)"
          aria-invalid={problems.length > 0}
          aria-describedby="sc-problems"
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onScroll={(e) => {
            if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop
          }}
        />
      </div>
      <div id="sc-problems" aria-live="polite">
        {problems.length === 0 ? (
          <p className="muted small sc-valid">The scenario is valid.</p>
        ) : (
          <ul className="sc-problems" aria-label="Problems in the scenario">
            {problems.map((p, i) => (
              <li key={i}>
                <ProblemButton problem={p} onGo={(line) => area.current && goToLine(area.current, line)} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  )
}

function ProblemButton({ problem, onGo }: { problem: ScenarioProblem; onGo: (line: number) => void }) {
  const where = problem.line === null ? '' : `Line ${problem.line}${problem.column ? `:${problem.column}` : ''}: `
  return (
    <button type="button" className="sc-problem" disabled={problem.line === null} onClick={() => problem.line && onGo(problem.line)}>
      <CircleAlert size={13} aria-hidden="true" />
      <span>
        <span className="mono">{where}</span>
        {problem.message}
      </span>
    </button>
  )
}
