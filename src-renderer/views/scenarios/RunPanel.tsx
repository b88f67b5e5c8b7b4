import { Play, Save, Square } from 'lucide-react'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../../store/store-context'
import { StepCard } from './StepCard'

/** Where to play the scenario, the Run button, and the run as it happens. */
export function RunPanel() {
  const s = useAppStore(
    useShallow((st) => ({
      url: st.scenarioUrl,
      secret: st.scenarioSecret,
      run: st.scenarioRun,
      invalid: st.scenarioProblems.length > 0,
      setFields: st.setScenarioFields,
      start: st.runScenario,
      stop: st.stopScenario,
      saveBaseline: st.saveScenarioBaseline
    }))
  )
  const running = s.run?.running === true
  const result = s.run?.result ?? null
  const failedSteps = result ? result.scenarios.flatMap((x) => x.steps).filter((x) => !x.passed).length : 0
  const urlOk = /^https?:\/\/\S+$/i.test(s.url.trim())
  return (
    <section className="sc-run" aria-label="Run">
      <form
        className="sc-run-form"
        onSubmit={(e) => {
          e.preventDefault()
          if (!running) void s.start()
        }}
      >
        <label className="sc-field">
          <span className="label">Webhook URL</span>
          <input className="input mono" type="url" required placeholder="http://127.0.0.1:3000/webhook" value={s.url} onChange={(e) => s.setFields({ scenarioUrl: e.target.value })} />
        </label>
        <label className="sc-field">
          <span className="label">Secret (optional)</span>
          <input className="input mono" type="password" autoComplete="off" placeholder="whsec_switchboard_test" value={s.secret} onChange={(e) => s.setFields({ scenarioSecret: e.target.value })} />
        </label>
        <div className="sc-run-actions">
          {running ? (
            <button type="button" className="button" onClick={() => void s.stop()}>
              <Square size={13} aria-hidden="true" /> Stop
            </button>
          ) : (
            <button type="submit" className="button button--primary" disabled={!urlOk || s.invalid} title={s.invalid ? 'Fix the problems in the scenario first' : undefined}>
              <Play size={13} aria-hidden="true" /> Run
            </button>
          )}
          <button type="button" className="button" disabled={!result || running} onClick={() => void s.saveBaseline()} title="Later runs of this saved scenario are compared with this one">
            <Save size={13} aria-hidden="true" /> Save as baseline
          </button>
        </div>
      </form>
      <div aria-live="polite" className="sc-run-summary">
        {running ? <p className="muted">Running… each step shows as its answer arrives.</p> : null}
        {result ? (
          <p className={result.passed ? 'sc-result sc-result--passed' : 'sc-result sc-result--failed'}>
            {result.passed ? 'Passed' : 'Failed'}: {failedSteps === 0 ? 'every step passed' : `${failedSteps} step${failedSteps === 1 ? '' : 's'} failed`}
          </p>
        ) : null}
        {s.run?.error ? <p className="notice notice--error">The run stopped: {s.run.error}</p> : null}
      </div>
      {s.run ? (
        <ol className="sc-steps" aria-label="Steps">
          {s.run.steps.map((step) => (
            <StepCard key={step.index} step={step} />
          ))}
        </ol>
      ) : (
        <p className="muted small pad">Point this at your webhook server (any URL it listens on) and press Run: each step shows the delivery, the answer, its latency and every expectation.</p>
      )}
    </section>
  )
}
