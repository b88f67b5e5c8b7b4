import { useLayoutEffect, useRef } from 'react'
import { Ear } from 'lucide-react'
import { keysWord, WORDS } from '../../lib/words'
import { useAppStore } from '../../store/store-context'

/** What the simulated caller heard from the agent, newest at the bottom. */
export function CallerHears() {
  const lines = useAppStore((s) => (s.lastPhoneCallId ? s.heard[s.lastPhoneCallId] : undefined))
  const listRef = useRef<HTMLOListElement>(null)
  useLayoutEffect(() => {
    const el = listRef.current
    if (el) el.scrollTop = el.scrollHeight
  }, [lines?.length])
  return (
    <section className="phone-section hears" aria-labelledby="hears-heading">
      <h3 id="hears-heading">
        <Ear size={14} aria-hidden="true" /> Caller hears
      </h3>
      {/* The list is always there (empty at first) so it can be found before anything is heard. */}
      <ol ref={listRef} className="hears-list" aria-labelledby="hears-heading">
        {lines?.map((l, i) => (
          <li key={i} className={l.interim ? 'heard heard--interim' : 'heard'}>
            {l.interim ? (
              <span className="tag tag--interim" title={WORDS.moreToComeWhy}>
                {WORDS.moreToCome}
              </span>
            ) : null}
            {l.text ? <span>{l.text}</span> : null}
            {l.digits ? <span className="muted"> ({keysWord(l.digits)})</span> : null}
            {l.action === 'transfer' ? <span className="muted"> — the agent transfers you</span> : null}
            {l.hangup ? <span className="muted"> — the agent hung up</span> : null}
          </li>
        ))}
      </ol>
      {lines && lines.length > 0 ? null : (
        <p className="muted small">Nothing yet. Once you dial, what the agent says to the caller appears here.</p>
      )}
    </section>
  )
}
