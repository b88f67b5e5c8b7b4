import { RotateCw } from 'lucide-react'
import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { AuditEntry } from '../../../src-preload/contract'
import { useAppStore } from '../../store/store-context'

const ROLE_WORD = { operator: 'operator', admin: 'admin', owner: 'owner' } as const

function describe(e: AuditEntry): string {
  return [e.action, e.target, e.detail ? `(${e.detail})` : null].filter(Boolean).join(' ')
}

/** Settings › Team › Activity: who answered which turn and who changed what, newest first. */
export function TeamActivity() {
  const { activity, error, load } = useAppStore(useShallow((s) => ({ activity: s.activity, error: s.activityError, load: s.loadActivity })))
  useEffect(() => {
    void load()
  }, [load])
  return (
    <div className="st-body">
      <div className="st-actions">
        <h3 className="st-subtitle">Activity</h3>
        <button type="button" className="button button--quiet" onClick={() => void load()}>
          <RotateCw size={13} aria-hidden="true" /> Refresh
        </button>
      </div>
      {error ? (
        <p className="st-error" role="alert">
          The activity could not be read: {error}
        </p>
      ) : activity === null ? (
        <p className="muted">Reading the activity…</p>
      ) : activity.length === 0 ? (
        <p className="muted">Nothing yet: answered turns and changes to settings, webhooks, agents, numbers and the team show here.</p>
      ) : (
        <ul className="team-activity" aria-label="Team activity">
          {activity.map((e, i) => (
            <li key={`${e.at}-${i}`}>
              <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time>
              <span>
                <span className="strong">{e.who.name}</span> <span className="muted">({ROLE_WORD[e.who.role]})</span> {describe(e)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
