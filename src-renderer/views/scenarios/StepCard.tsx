import { CircleAlert, CircleCheck, LoaderCircle, TriangleAlert } from 'lucide-react'
import { answerWords } from '../../lib/words'
import type { LiveStep } from '../../store/scenarios-types'

const ms = (v: number | null): string => (v === null ? '—' : `${Math.round(v)} ms`)

/** One step of a run: what was sent, what came back and when, each expectation, each warning. */
export function StepCard({ step }: { step: LiveStep }) {
  const r = step.result
  const state = !r ? 'sending' : r.passed ? 'passed' : 'failed'
  const Icon = !r ? LoaderCircle : r.passed ? CircleCheck : CircleAlert
  const status = r ? (r.response.status === null ? (r.response.error ?? 'no answer') : `answered ${answerWords(r.response.status)}`) : 'waiting for the answer…'
  return (
    <li className={`sc-step sc-step--${state}`}>
      <div className="sc-step-head">
        <span className={`badge sc-badge--${state}`}>
          <Icon size={13} aria-hidden="true" className={r ? undefined : 'wh-spin'} />
          {state}
        </span>
        <span className="strong sc-step-label">{step.label}</span>
        <span className="header-spacer" />
        <span className="mono small">{status}</span>
        <span className="mono small" title="Until the turn closed (its final line)">
          {r ? ms(r.response.latencyMs) : ''}
        </span>
      </div>
      {r?.reply ? <p className="sc-heard small">Heard: “{r.reply}”</p> : null}
      {r && r.checks.length > 0 ? (
        <ul className="sc-checks small" aria-label="Expectations">
          {r.checks.map((c, i) => (
            <li key={i} className={c.passed ? 'sc-check-ok' : 'sc-check-bad'}>
              {c.passed ? <CircleCheck size={12} aria-hidden="true" /> : <CircleAlert size={12} aria-hidden="true" />}
              <span className="mono">{c.name}</span> {c.passed ? 'passed' : 'failed'}: expected {c.expected}, got {c.actual}
            </li>
          ))}
        </ul>
      ) : null}
      {r?.warnings.map((w, i) => (
        <p key={i} className="sc-warning small">
          <TriangleAlert size={12} aria-hidden="true" /> Warning: {w.message}
        </p>
      ))}
      <details className="sc-wire small">
        <summary>Request and response</summary>
        <p className="mono muted">
          {step.request.event} · {step.request.channel} · {step.request.webhookId}
        </p>
        <pre className="mono">{step.request.body}</pre>
        {r ? (
          <ol className="sc-lines" aria-label="Answer lines">
            {r.response.lines.length === 0 ? <li className="mono">{r.response.body || '(empty)'}</li> : null}
            {r.response.lines.map((l, i) => (
              <li key={i} className="mono">
                <span className="muted">+{Math.round(l.atMs)} ms</span> {l.raw}
                {l.spoken ? '' : ' — discarded: not a JSON object'}
              </li>
            ))}
          </ol>
        ) : null}
      </details>
    </li>
  )
}
