import { CircleCheck, CircleDashed, TriangleAlert } from 'lucide-react'
import { useShallow } from 'zustand/react/shallow'
import { formatClock } from '../../lib/format'
import { useAppStore } from '../../store/store-context'
import { DisconnectDialog } from './DisconnectDialog'

/** What AgentPhone has registered for the chosen scope right now, and whose it is. */
export function RegistrationCard() {
  const { st, error, note } = useAppStore(useShallow((s) => ({ st: s.webhookStatus, error: s.webhookStatusError, note: s.disconnectNote })))
  return (
    <section className="wh-card" aria-labelledby="wh-registration-heading">
      <h2 id="wh-registration-heading" className="wh-card-title">
        Registered at AgentPhone
      </h2>
      {error ? (
        <p className="wh-warn" role="alert">
          <TriangleAlert size={14} aria-hidden="true" /> Could not read the registration: {error}
        </p>
      ) : null}
      {st ? (
        <dl className="wh-facts">
          <dt>{st.scope === 'agent' ? 'This agent' : 'Project'}</dt>
          <dd>
            {st.current ? (
              <>
                <span className="mono">{st.current.url}</span>{' '}
                {st.ours ? (
                  <span className="wh-tag wh-tag--ok">
                    <CircleCheck size={12} aria-hidden="true" /> Switchboard's
                  </span>
                ) : (
                  <span className="wh-tag wh-tag--warn">
                    <TriangleAlert size={12} aria-hidden="true" /> Not Switchboard's
                  </span>
                )}
              </>
            ) : (
              <span className="muted">
                <CircleDashed size={12} aria-hidden="true" /> Nothing registered
              </span>
            )}
          </dd>
          <dt>Receiver</dt>
          <dd className="mono">
            {st.receiverUrl} (port {st.receiverPort})
          </dd>
          <dt>Last delivery</dt>
          <dd className="mono">{st.lastDeliveryAt ? formatClock(st.lastDeliveryAt) : '—'}</dd>
        </dl>
      ) : !error ? (
        <p className="muted">Reading the registration…</p>
      ) : null}
      {note ? (
        <p className="wh-note" role="status">
          {note}
        </p>
      ) : null}
      {st?.ours ? (
        <div className="wh-card-actions">
          <DisconnectDialog />
        </div>
      ) : null}
    </section>
  )
}
