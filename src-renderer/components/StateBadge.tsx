import { CircleAlert, CircleCheck, Hourglass, PhoneCall, PhoneIncoming, PhoneOff } from 'lucide-react'
import type { StateKind } from '../lib/call-state'
import { STATE_WORD } from '../lib/call-state'

const ICON = {
  waiting: Hourglass,
  ringing: PhoneIncoming,
  live: PhoneCall,
  ending: PhoneOff,
  ended: CircleCheck,
  failed: CircleAlert
} as const

/**
 * A state is never colour alone: the word and an icon always come with it. `word` replaces the
 * state's own word, e.g. with how an ended call ended.
 */
export function StateBadge({ kind, word }: { kind: StateKind; word?: string }) {
  const Icon = ICON[kind]
  return (
    <span className={`badge badge--${kind}`}>
      <Icon size={13} aria-hidden="true" />
      {word ?? STATE_WORD[kind]}
    </span>
  )
}
