import { useShallow } from 'zustand/react/shallow'
import type { CallInfo } from '../../../src-preload/contract'
import { partyPhrase } from '../../lib/call-labels'
import { useAppStore } from '../../store/store-context'
import { ConfirmDialog } from '../directory/ConfirmDialog'
import { TransferDialog } from './TransferDialog'

/**
 * The yes-or-no for the Call view's actions that cannot be undone (see call-confirm-slice.ts):
 * the same dialog whether the button or the key (Alt+E, Alt+T) asked. Cancel holds the focus, so
 * a stray Enter keeps the call as it is.
 */
export function CallConfirmDialog({ call }: { call: CallInfo }) {
  const s = useAppStore(
    useShallow((st) => ({
      confirm: st.callConfirm?.callId === call.id ? st.callConfirm : null,
      close: st.closeCallConfirm,
      endCall: st.endCall,
      transferCall: st.transferCall,
      sandbox: st.status?.mode === 'sandbox',
      agent: call.agentId ? st.callAgents[call.agentId] : undefined
    }))
  )
  const c = s.confirm
  if (!c) return null
  const who = partyPhrase(call, s.sandbox)
  if (c.kind === 'transfer') {
    return <TransferDialog call={call} sandbox={s.sandbox} preset={s.agent?.transferNumber ?? null} onTransfer={(to) => s.transferCall(call.id, to)} onClose={s.close} />
  }
  if (c.kind === 'end') {
    return (
      <ConfirmDialog
        title="End this call?"
        confirmLabel="End call"
        busyLabel="Ending…"
        onConfirm={async () => {
          await s.endCall(call.id)
          return null
        }}
        onClose={s.close}
      >
        The line to {who} is cut now, mid-sentence if need be. This cannot be undone.
      </ConfirmDialog>
    )
  }
  return (
    <ConfirmDialog
      title="Say this and hang up?"
      confirmLabel="Say it and hang up"
      busyLabel="Sending…"
      onConfirm={async () => {
        await c.send()
        return null
      }}
      onClose={s.close}
    >
      {who[0]?.toUpperCase()}
      {who.slice(1)} hears {c.words.startsWith('the keys') ? c.words : <>“{c.words}”</>}, then the call ends. This cannot be undone.
    </ConfirmDialog>
  )
}
