import * as Menu from '@radix-ui/react-dropdown-menu'
import { ChevronDown } from 'lucide-react'
import { useShallow } from 'zustand/react/shallow'
import type { OpenTurn } from '../../../src-preload/contract'
import { answerCall } from '../../lib/answer-call'
import { useAppStore, useAppStoreApi } from '../../store/store-context'
import { Countdown } from '../Timers'
import { summarize } from './alert-turns'
import { usePickAfterClose } from './use-pick-after-close'

/** The other waiting turns (after the oldest), each one item away from being answered. */
export function OtherWaitingMenu({ turns }: { turns: OpenTurn[] }) {
  const store = useAppStoreApi()
  // The call opens once the menu has let go of the keyboard, so its reply box can take it.
  const { pick, onCloseAutoFocus } = usePickAfterClose((callId: string) => answerCall(store, callId))
  return (
    <Menu.Root>
      <Menu.Trigger className="button waiting-alert-more">
        {turns.length} more waiting <ChevronDown size={12} aria-hidden="true" />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content className="dir-menu waiting-menu" align="end" sideOffset={4} onCloseAutoFocus={onCloseAutoFocus}>
          <Menu.Label className="dir-menu-label">Also waiting, oldest first</Menu.Label>
          {turns.map((t) => (
            <OtherTurn key={t.turnId} turn={t} onAnswer={() => pick(t.callId)} />
          ))}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  )
}

function OtherTurn({ turn, onAnswer }: { turn: OpenTurn; onAnswer: () => void }) {
  const sum = useAppStore(useShallow((s) => summarize(s, turn)))
  return (
    <Menu.Item className="dir-menu-item waiting-menu-item" onSelect={onAnswer} aria-label={`Answer ${sum.number || sum.who}: ${sum.words ?? 'no words'}`}>
      <span className="waiting-menu-who">
        <span className="strong">{sum.number || sum.who}</span> <span className="muted">to {sum.agent}</span>
      </span>
      <q className="waiting-menu-words">{sum.words ?? 'The caller finished speaking.'}</q>
      <Countdown deadline={turn.deadline} />
    </Menu.Item>
  )
}
