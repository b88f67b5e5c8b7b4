import { Hourglass, UserCheck } from 'lucide-react'
import type { CallInfo } from '../../../src-preload/contract'
import { Countdown } from '../../components/Timers'
import { isTerminal } from '../../lib/call-state'
import { TakeOverButton } from './TakeOverButton'

/**
 * The line above the reply box: what the call needs from the person now, with the deadline.
 * `takenBy`: the teammate holding the turn's claim (null when it is free or this person's).
 */
export function ComposerStatus(props: { call: CallInfo; deadline: string | null; claimedBy: string | null; takenBy: string | null }) {
  if (isTerminal(props.call.status)) return <span className="muted">The call is over.</span>
  if (props.call.voiceMode === 'hosted') {
    return <span className="muted">The hosted agent answers this call itself; you can still end it (Alt+E).</span>
  }
  if (!props.deadline) {
    const fallbackOnly = props.call.answeredBy === 'fallback'
    return (
      <span className="muted" id={`no-turn-${props.call.id}`}>
        <Hourglass size={13} aria-hidden="true" />{' '}
        {fallbackOnly
          ? 'The fallback line answers every turn on this call. Choose "Me" to answer yourself.'
          : 'No turn is waiting for a reply — sending unlocks when the caller finishes speaking. You can type ahead.'}
      </span>
    )
  }
  return (
    <span className="composer-deadline">
      <span className="strong">The caller is waiting:</span> <Countdown deadline={props.deadline} long />
      {props.claimedBy ? (
        <span className={props.takenBy ? 'strong' : 'muted'}>
          <UserCheck size={13} aria-hidden="true" />{' '}
          {props.takenBy ? `${props.takenBy} is answering — your reply would be refused` : 'you are answering'}
        </span>
      ) : null}
      {props.takenBy ? <TakeOverButton callId={props.call.id} holder={props.takenBy} /> : null}
    </span>
  )
}
