import * as Menu from '@radix-ui/react-dropdown-menu'
import { BellOff, Bell, ChevronDown } from 'lucide-react'
import { useEffect, useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { formatClock } from '../../lib/format'
import { useNow } from '../../lib/use-now'
import { isMuted } from '../../store/alerts-slice'
import { useAppStore } from '../../store/store-context'
import { usePickAfterClose } from './use-pick-after-close'

/** The choices the header (and the Electron tray) offer; longer means turning the chime off. */
export const MUTE_CHOICES = [
  { minutes: 15, label: 'For 15 minutes' },
  { minutes: 60, label: 'For 1 hour' }
] as const

const MUTE_ID = 'mute-alerts'
const UNMUTE_ID = 'unmute-alerts'

/** "14 min left", "1 h 5 min left": whole minutes, rounded up, so it never reads 0 while muted. */
export function timeLeft(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000))
  if (minutes < 60) return `${minutes} min left`
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return m === 0 ? `${h} h left` : `${h} h ${m} min left`
}

/**
 * Mute alerts for every window at once (the mute lives in the core), or say how long they stay
 * muted with a way to undo it. Muting silences the chime and desktop notifications; the in-page
 * alert still shows, since it is how a waiting caller gets answered.
 */
export function MuteControl() {
  const { mutedUntil, mute } = useAppStore(useShallow((s) => ({ mutedUntil: s.status?.alertsMutedUntil ?? null, mute: s.muteAlerts })))
  const muted = isMuted(mutedUntil)
  // Muting swaps the button under the keyboard for another: the keyboard follows to the new one
  // (Unmute, or Mute alerts again) instead of falling back to the page.
  const moveFocus = useRef(false)
  useEffect(() => {
    if (!moveFocus.current) return
    moveFocus.current = false
    document.getElementById(muted ? UNMUTE_ID : MUTE_ID)?.focus()
  }, [muted])
  const change = (minutes: number): void => {
    moveFocus.current = true
    void mute(minutes).then((ok) => {
      if (!ok) moveFocus.current = false // refused (a toast says why): the button stays as it was
    })
  }
  // Muted once the menu has let go of the keyboard, so the keyboard can move on to Unmute.
  const { pick, onCloseAutoFocus } = usePickAfterClose(change)
  if (!muted) {
    return (
      <Menu.Root>
        <Menu.Trigger id={MUTE_ID} className="button button--quiet" title="Silence the chime and desktop notifications for a while">
          <Bell size={14} aria-hidden="true" /> Mute alerts <ChevronDown size={12} aria-hidden="true" />
        </Menu.Trigger>
        <Menu.Portal>
          <Menu.Content className="dir-menu" align="end" sideOffset={4} onCloseAutoFocus={onCloseAutoFocus}>
            <Menu.Label className="dir-menu-label">Mute chime and notifications</Menu.Label>
            {MUTE_CHOICES.map((c) => (
              <Menu.Item key={c.minutes} className="dir-menu-item" onSelect={() => pick(c.minutes)}>
                {c.label}
              </Menu.Item>
            ))}
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
    )
  }
  return <MutedNote until={mutedUntil as string} onUnmute={() => change(0)} />
}

function MutedNote({ until, onUnmute }: { until: string; onUnmute: () => void }) {
  const now = useNow()
  return (
    <span className="muted-note">
      <span className="muted-note-text" title={`Alerts are muted until ${formatClock(until)}`}>
        <BellOff size={14} aria-hidden="true" /> Muted · {timeLeft(Date.parse(until) - now)}
      </span>
      <button type="button" id={UNMUTE_ID} className="button button--quiet" onClick={onUnmute}>
        Unmute
      </button>
    </span>
  )
}
