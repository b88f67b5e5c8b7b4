import { Loader2, RotateCw } from 'lucide-react'
import { useEffect } from 'react'
import type { ReactNode } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../../store/store-context'
import type { SettingsSectionId } from '../../store/webhooks-types'
import { AlertsSection } from './AlertsSection'
import { AppearanceSection } from './AppearanceSection'
import { ConnectionSection } from './ConnectionSection'
import { HistorySection } from './HistorySection'
import { CopilotSection } from './CopilotSection'
import { NotificationsSection } from './NotificationsSection'
import { OperatorSection } from './OperatorSection'
import { QuickRepliesEditor } from './QuickRepliesEditor'
import { SandboxSection } from './SandboxSection'
import { TeamActivity } from './TeamActivity'
import { TeamSection } from './TeamSection'
import { isAdmin } from '../../store/team-slice'
import { VoiceTurnsSection } from './VoiceTurnsSection'

const headingId = (id: SettingsSectionId): string => `settings-${id}-heading`

/**
 * One layout for every section: a title, one line on what it is for and where it is kept, then the
 * fields, then (where something is typed) a Save button with what happened beside it. A section
 * with typed edits registers them (useUnsaved), so leaving Settings asks first.
 */
export function Section({ id, title, about, children }: { id: SettingsSectionId; title: string; about: string; children: ReactNode }) {
  return (
    <section className="st-section" aria-labelledby={headingId(id)} aria-describedby={`${headingId(id)}-about`}>
      {/* Focusable so the header's mode badge can bring a keyboard user straight here. */}
      <h2 id={headingId(id)} tabIndex={-1} className="st-section-title">
        {title}
      </h2>
      <p id={`${headingId(id)}-about`} className="st-about muted small">
        {about}
      </p>
      {children}
    </section>
  )
}

/**
 * Settings: the live-mode connection, voice turns, quick replies, notifications, the team and the
 * theme. An operator's link sees only what is theirs (this browser's alerts, appearance, who they
 * are): the hub's settings are for admins, and the hub refuses an operator's changes anyway.
 */
export function SettingsView() {
  const { settings, loadError, load, focus, clearFocus, me } = useAppStore(
    useShallow((s) => ({ settings: s.settings, loadError: s.settingsLoadError, load: s.loadSettings, focus: s.settingsFocus, clearFocus: s.clearSettingsFocus, me: s.me }))
  )
  // Until the hub says who this is (a moment), show what an admin sees: the hub refuses the rest.
  const admin = me === null || isAdmin(me)
  useEffect(() => {
    void load()
  }, [load])
  useEffect(() => {
    if (!focus) return
    const el = document.getElementById(headingId(focus))
    el?.scrollIntoView({ block: 'start' })
    el?.focus()
    clearFocus()
  }, [focus, clearFocus])

  return (
    <section className="view" aria-labelledby="settings-heading">
      <div className="view-header">
        <h1 id="settings-heading">Settings</h1>
      </div>
      <div className="st-scroll">
        {admin ? null : (
          <p className="st-notice st-pad" role="status">
            The hub’s settings, webhooks, agents, numbers and team are for admins; your link is an operator’s. Ask an admin of this hub
            to change them.
          </p>
        )}
        {admin ? (
          <Section id="connection" title="Connection" about="Sandbox (the built-in simulator) or your AgentPhone account, and where its webhooks reach this computer.">
            <ConnectionSection />
          </Section>
        ) : null}
        {!admin ? null : settings ? (
          <>
            <Section id="voice" title="Voice turns" about="What a caller hears while someone types, and when nobody answers in time. Kept with Switchboard’s data, for everyone on this hub.">
              <VoiceTurnsSection settings={settings} />
            </Section>
            <Section id="quick-replies" title="Quick replies" about="Lines sent with one key (Alt+1…9) in the Call view. Kept for everyone on this hub.">
              <QuickRepliesEditor initial={settings.quickReplies} />
            </Section>
            <Section id="notifications" title="Notifications" about="Which events show a desktop notification. Each switch is saved as you change it.">
              <NotificationsSection settings={settings} />
            </Section>
            <Section id="history" title="History" about="How long ended calls, transcripts and webhook deliveries are kept on this computer.">
              <HistorySection settings={settings} />
            </Section>
          </>
        ) : loadError ? (
          <p className="st-error st-pad" role="alert">
            The settings could not be loaded: {loadError}{' '}
            <button type="button" className="button" onClick={() => void load()}>
              <RotateCw size={13} aria-hidden="true" /> Try again
            </button>
          </p>
        ) : (
          <p className="muted st-pad" role="status">
            <Loader2 size={14} aria-hidden="true" className="wh-spin" /> Loading settings…
          </p>
        )}
        {admin ? (
          <>
            <Section id="sandbox" title="Sandbox" about="The simulator’s own agents, numbers, calls and texts.">
              <SandboxSection />
            </Section>
            <Section id="copilot" title="Copilot" about="An AI that drafts replies for you, or answers turns itself on autopilot.">
              <CopilotSection />
            </Section>
            <Section id="team" title="Team" about="Who may open this hub, with which role, and what they did.">
              <TeamSection />
              <TeamActivity />
            </Section>
          </>
        ) : null}
        <Section id="alerts" title="Alerts" about="How this browser gets your attention when a caller starts waiting. Kept in this browser, saved as you change it.">
          <AlertsSection />
        </Section>
        <Section id="operator" title="You" about="The name teammates see on a shared hub when you start answering a turn. Kept in this browser.">
          <OperatorSection />
        </Section>
        <Section id="appearance" title="Appearance" about="Light, dark, or the system’s choice. Kept in this browser, applied as you pick it.">
          <AppearanceSection />
        </Section>
      </div>
    </section>
  )
}
