import * as Tabs from '@radix-ui/react-tabs'
import { FlaskConical, Settings } from 'lucide-react'
import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../../store/store-context'
import { ConnectPanel } from './ConnectPanel'
import { Inspector } from './Inspector'

type Tab = 'connect' | 'inspector'

/** Webhooks: connect the tunnel (live mode) and inspect every request the receiver saw. */
export function WebhooksView() {
  const live = useAppStore((s) => s.status?.mode === 'live')
  // In sandbox mode there is nothing to connect, so the inspector is the useful first page.
  const [tab, setTab] = useState<Tab>(live ? 'connect' : 'inspector')
  return (
    <section className="view" aria-labelledby="webhooks-heading">
      <Tabs.Root className="wh-tabs" value={tab} onValueChange={(v) => setTab(v as Tab)}>
        <div className="view-header">
          <h1 id="webhooks-heading">Webhooks</h1>
          <Tabs.List className="wh-tablist" aria-label="Webhooks sections">
            <Tabs.Trigger className="wh-tab" value="connect">
              Connect
            </Tabs.Trigger>
            <Tabs.Trigger className="wh-tab" value="inspector">
              Inspector
            </Tabs.Trigger>
          </Tabs.List>
        </div>
        <Tabs.Content className="wh-tab-panel" value="connect">
          {live ? <ConnectPanel /> : <SandboxReceiverNote />}
        </Tabs.Content>
        <Tabs.Content className="wh-tab-panel" value="inspector">
          <Inspector />
        </Tabs.Content>
      </Tabs.Root>
    </section>
  )
}

function SandboxReceiverNote() {
  const { receiverUrl, openSettings } = useAppStore(useShallow((s) => ({ receiverUrl: s.status?.receiverUrl ?? '', openSettings: s.openSettings })))
  return (
    <div className="wh-connect">
      <section className="wh-card" aria-labelledby="wh-sandbox-heading">
        <h2 id="wh-sandbox-heading" className="wh-card-title">
          <FlaskConical size={15} aria-hidden="true" /> Sandbox mode: nothing to connect
        </h2>
        <p>
          The built-in simulator delivers signed webhooks straight to the receiver on this computer — no tunnel, no account. Every delivery
          shows in the Inspector.
        </p>
        <dl className="wh-facts">
          <dt>Receiver</dt>
          <dd className="mono">{receiverUrl}</dd>
        </dl>
        <p className="muted small">To receive your real AgentPhone account's calls and messages, switch to Live and connect a tunnel here.</p>
        <div className="wh-card-actions">
          <button type="button" className="button" onClick={() => openSettings('connection')}>
            <Settings size={13} aria-hidden="true" /> Open Settings › Connection
          </button>
        </div>
      </section>
    </div>
  )
}
