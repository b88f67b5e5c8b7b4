import { TriangleAlert, RotateCw } from 'lucide-react'
import { Component, Fragment } from 'react'
import type { ErrorInfo, ReactNode } from 'react'
import { useAppStore } from '../store/store-context'

type Props = {
  /** Which part this is, for the log ("usage", "sandbox-phone"). */
  name: string
  /** How the person knows it ("Usage", "Sandbox phone"). */
  label: string
  onError: (name: string, error: unknown) => void
  children: ReactNode
}
type State = { error: Error | null; attempt: number }

/**
 * Catches what one part of the console throws while rendering, so only that part stops: the
 * header, the waiting-turn alert, the navigation, every open turn (they live in the core and the
 * store, not in the view) and the sandbox phone keep running. The part says what happened in
 * plain words and offers to start it again.
 */
class Boundary extends Component<Props, State> {
  override state: State = { error: null, attempt: 0 }

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  override componentDidCatch(error: unknown, _info: ErrorInfo): void {
    this.props.onError(this.props.name, error)
  }

  override componentDidUpdate(_prev: Props, before: State): void {
    // The crash took the focused control with it: put the keyboard on the explanation instead of
    // leaving it nowhere. Never when focus is still somewhere (a reply box in another part).
    if (this.state.error && !before.error && (document.activeElement === null || document.activeElement === document.body)) {
      document.getElementById(`crashed-${this.props.name}`)?.focus()
    }
  }

  private reload = (): void => {
    this.setState((s) => ({ error: null, attempt: s.attempt + 1 }))
  }

  override render(): ReactNode {
    const { error, attempt } = this.state
    if (!error) return <Fragment key={attempt}>{this.props.children}</Fragment>
    return (
      <div className="view-crashed" role="alert">
        <p className="view-crashed-title" id={`crashed-${this.props.name}`} tabIndex={-1}>
          <TriangleAlert size={16} aria-hidden="true" /> {this.props.label} stopped working.
        </p>
        <p>
          What happened: <span className="mono">{error.message || 'an error without a message'}</span>
        </p>
        <p className="muted">The rest of Switchboard keeps running: live calls and waiting turns are not affected. The error was written to the log.</p>
        <button type="button" className="button" onClick={this.reload}>
          <RotateCw size={13} aria-hidden="true" /> Reload view
        </button>
      </div>
    )
  }
}

/** An error boundary that reports what it catches to the core's log. */
export function ViewBoundary(props: Omit<Props, 'onError'>) {
  const report = useAppStore((s) => s.reportViewError)
  return <Boundary {...props} onError={report} />
}
