import { BellRing } from 'lucide-react'
import { useShallow } from 'zustand/react/shallow'
import type { OpenTurn } from '../../../src-preload/contract'
import { answerCall } from '../../lib/answer-call'
import { oldestWaitingTurn, claimedByOther } from '../../store/selectors'
import { useAppStore, useAppStoreApi } from '../../store/store-context'
import { Countdown } from '../Timers'
import { alertTurns, summarize } from './alert-turns'
import { OtherWaitingMenu } from './OtherWaitingMenu'

/**
 * The waiting-turn alert, above every view: the oldest turn waiting for a person (caller, agent,
 * what the caller said, a live countdown, Answer), and a menu for the others. It never takes the
 * keyboard: it appears where the person can see it and waits to be used, so a half-typed reply
 * anywhere stays where it is. Screen readers hear about each turn once, from TurnAnnouncer.
 */
export function WaitingAlert() {
  const turns = useAppStore(useShallow(alertTurns))
  const first = turns[0]
  if (!first) return null
  return (
    <section className="waiting-alert" aria-label="Callers waiting for you">
      <BellRing size={16} aria-hidden="true" className="waiting-alert-icon" />
      <AlertTurn turn={first} />
      {turns.length > 1 ? <OtherWaitingMenu turns={turns.slice(1)} /> : null}
    </section>
  )
}

function AlertTurn({ turn }: { turn: OpenTurn }) {
  const store = useAppStoreApi()
  // Spread, not nested: useShallow compares one level, so every field must be a plain value.
  const { oldest, takenBy, ...sum } = useAppStore(
    useShallow((s) => ({ ...summarize(s, turn), oldest: oldestWaitingTurn(s)?.turnId === turn.turnId, takenBy: claimedByOther(s, turn) }))
  )
  return (
    <>
      <span className="waiting-alert-who">
        <span className="badge badge--waiting">Waiting for you</span>
        <span className="strong">{sum.who}</span>
        {sum.number ? <span className="mono">{sum.number}</span> : null}
        <span className="muted">to {sum.agent}</span>
      </span>
      <q className="waiting-alert-words" title={sum.words ?? undefined}>
        {sum.words ?? 'The caller finished speaking.'}
      </q>
      {takenBy ? <span className="muted small">{takenBy} is answering</span> : null}
      <Countdown deadline={turn.deadline} long />
      <button
        type="button"
        className="button button--primary"
        aria-label={`Answer ${sum.number || sum.who}`}
        aria-keyshortcuts={oldest ? 'w' : undefined}
        onClick={() => answerCall(store, turn.callId)}
      >
        Answer{oldest ? <kbd aria-hidden="true">w</kbd> : null}
      </button>
    </>
  )
}
