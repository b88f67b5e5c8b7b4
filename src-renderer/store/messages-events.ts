import type { BridgeClient } from '../bridge/bridge-client'
import type { AppStore } from './types'

/**
 * The messaging events, subscribed once beside the others in start-store. A restarted core (mode
 * switch) has other conversations and another sandbox contact, so what was kept is dropped.
 */
export function subscribeMessaging(store: AppStore, bridge: BridgeClient): Array<() => void> {
  const s = store.getState
  return [
    bridge.on('message.received', (m) => s().takeMessage(m, 'received')),
    bridge.on('message.sent', (m) => s().takeMessage(m, 'sent')),
    bridge.on('sandbox.sms', (m) => s().takeContactText(m)),
    // Watching the store rather than the event: the status also changes through app.status loads.
    store.subscribe((now, before) => {
      // Texts that arrived while the link was down were never pushed: the list catches up.
      if ((before.connection === 'reconnecting' || before.connection === 'offline') && now.connection === 'open' && now.conversationsStatus === 'loaded') {
        void s().loadConversations()
        if (now.openConversationId) void s().openConversation(now.openConversationId)
      }
      if (!before.status || !now.status || before.status.startedAt === now.status.startedAt) return
      store.setState({
        conversations: {},
        conversationsStatus: 'idle',
        threads: {},
        threadStatus: {},
        unread: {},
        openConversationId: null,
        outbox: {},
        pickerAgents: null,
        pickerVoices: null,
        contactTexts: [],
        faultsArmed: { 'messages.send': 0, 'calls.place': 0 }
      })
      if (s().view === 'messages') void s().loadConversations()
    })
  ]
}
