import { useAppStore } from '../../store/store-context'

/** Three steps for someone who has never used the sandbox; gone for good once dismissed. */
export function FirstRunGuide() {
  const dismiss = useAppStore((s) => s.dismissGuide)
  return (
    <section className="guide" aria-labelledby="guide-heading">
      <h3 id="guide-heading">Try it in three steps</h3>
      <ol>
        <li>
          Press <span className="strong">Dial</span> to call the Sandbox Agent. You are the caller.
        </li>
        <li>
          Type what the caller says in <span className="strong">Say as the caller</span> and press Say.
        </li>
        <li>
          Open the call in <span className="strong">Monitor</span> and type the agent's reply — the caller hears it
          here.
        </li>
      </ol>
      <button type="button" className="button button--quiet" onClick={dismiss}>
        Got it, hide the guide
      </button>
    </section>
  )
}
