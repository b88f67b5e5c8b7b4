import type { Conversation } from '../../src-preload/contract'
import { createContactTextsSlice } from './contact-texts-slice'
import { withoutKeys } from './bounded'
import { appendMessage, conversationIdFor, conversationsToDrop, LOCAL_PREFIX, mergeMessages, provisionalConversation, resolveLocal, senderFor } from './messages-match'
import type { MessagesSlice, MessagingState, OutboxItem } from './messages-types'
import { createOutreachSlice } from './outreach-slice'
import type { SliceDeps } from './types'
import { notSent } from '../lib/words'

/** Messages, the new-message and place-call dialogs, and the sandbox phone's texts. */
export function createMessagingSlices(deps: SliceDeps): MessagingState {
  return { ...createMessagesSlice(deps), ...createOutreachSlice(deps), ...createContactTextsSlice(deps) }
}

function createMessagesSlice({ set, get, bridge }: SliceDeps): MessagesSlice {
  let nextLocal = 1
  let loading: Promise<void> | null = null
  let again = false

  const patchOutbox = (id: string, localId: string, patch: Partial<OutboxItem> | null): void =>
    set((s) => {
      const items = s.outbox[id] ?? []
      const next = patch === null ? items.filter((i) => i.localId !== localId) : items.map((i) => (i.localId === localId ? { ...i, ...patch } : i))
      return { outbox: { ...s.outbox, [id]: next } }
    })

  async function attempt(id: string, localId: string): Promise<void> {
    const item = get().outbox[id]?.find((i) => i.localId === localId)
    const conv = get().conversations[id]
    if (!item) return
    const from = conv ? senderFor(conv, get().pickerAgents) : null
    if (!conv?.participant || !from) {
      patchOutbox(id, localId, { state: 'failed', error: 'Not sent: this conversation has no number to send from or to.' })
      return
    }
    patchOutbox(id, localId, { state: 'sending', error: null })
    const res = await bridge.invoke('messages.send', { toNumber: conv.participant, body: item.body, ...from })
    get().noteFaultUsed('messages.send')
    if (!res.ok) {
      patchOutbox(id, localId, { state: 'failed', error: notSent(res.error.message, res.error.status) })
      return
    }
    patchOutbox(id, localId, null)
    get().takeMessage(res.value, 'sent')
  }

  /** Folds conversations known only locally into the listed ones they turned out to be. */
  function adopt(listed: Conversation[]): void {
    set((s) => {
      const conversations: Record<string, Conversation> = {}
      for (const c of listed) conversations[c.id] = c
      let { unread, threads, outbox, messageDrafts, openConversationId } = s
      for (const c of Object.values(s.conversations)) {
        if (conversations[c.id]) continue
        const real = resolveLocal(c, listed)
        if (!real) {
          conversations[c.id] = c // newer than the list (or beyond its first page): keep it
          continue
        }
        unread = { ...withoutKeys(unread, [c.id]), [real.id]: (unread[real.id] ?? 0) + (unread[c.id] ?? 0) }
        threads = { ...withoutKeys(threads, [c.id]), [real.id]: mergeMessages(threads[real.id] ?? [], threads[c.id] ?? []) }
        outbox = { ...withoutKeys(outbox, [c.id]), [real.id]: [...(outbox[real.id] ?? []), ...(outbox[c.id] ?? []).map((i) => ({ ...i, conversationId: real.id }))] }
        if (messageDrafts[c.id]) messageDrafts = { ...withoutKeys(messageDrafts, [c.id]), [real.id]: messageDrafts[c.id] ?? '' }
        if (openConversationId === c.id) openConversationId = real.id
      }
      return { conversations, unread, threads, outbox, messageDrafts, openConversationId }
    })
  }

  return {
    conversations: {},
    conversationsTotal: 0,
    conversationsStatus: 'idle',
    conversationsError: null,
    threads: {},
    threadStatus: {},
    unread: {},
    openConversationId: null,
    outbox: {},
    messageDrafts: {},

    async loadConversations() {
      // One request at a time; a call made meanwhile runs once more afterwards (it wants newer data).
      if (loading) {
        again = true
        return loading
      }
      loading = (async () => {
        do {
          again = false
          if (get().conversationsStatus !== 'loaded') set({ conversationsStatus: 'loading', conversationsError: null })
          const res = await bridge.invoke('conversations.list', { limit: 100 })
          if (!res.ok) {
            set({ conversationsStatus: 'error', conversationsError: res.error.message })
            return
          }
          adopt(res.value.items)
          set({ conversationsStatus: 'loaded', conversationsError: null, conversationsTotal: res.value.total })
        } while (again)
      })().finally(() => (loading = null))
      return loading
    },

    async openConversation(id) {
      if (get().holdLeave('messages', () => void get().openConversation(id))) return
      set((s) => ({ openConversationId: id, unread: withoutKeys(s.unread, [id]), view: 'messages' }))
      if (id.startsWith(LOCAL_PREFIX)) return // the API has no id for it yet: live messages fill it
      set((s) => ({ threadStatus: { ...s.threadStatus, [id]: 'loading' } }))
      const res = await bridge.invoke('conversations.get', { conversationId: id })
      if (!res.ok) {
        set((s) => ({ threadStatus: { ...s.threadStatus, [id]: 'error' } }))
        get().pushToast('error', `Loading the conversation failed: ${res.error.message}`)
        return
      }
      set((s) => ({
        conversations: { ...s.conversations, [id]: { ...s.conversations[id], ...res.value.conversation } },
        threads: { ...s.threads, [id]: mergeMessages(res.value.messages, s.threads[id] ?? []) },
        threadStatus: { ...s.threadStatus, [id]: 'loaded' }
      }))
    },
    markRead(id) {
      set((s) => (s.unread[id] ? { unread: withoutKeys(s.unread, [id]) } : s))
    },
    setMessageDraft(id, text) {
      set((s) => ({ messageDrafts: { ...s.messageDrafts, [id]: text } }))
    },
    async sendDraft(id) {
      const body = (get().messageDrafts[id] ?? '').trim()
      if (!body) return
      const localId = `out_${nextLocal++}`
      // The text moves from the box into a bubble at once: from here on the bubble keeps it.
      const item: OutboxItem = { localId, conversationId: id, body, state: 'sending', error: null, at: new Date().toISOString() }
      set((s) => ({ outbox: { ...s.outbox, [id]: [...(s.outbox[id] ?? []), item] }, messageDrafts: { ...s.messageDrafts, [id]: '' } }))
      await attempt(id, localId)
    },
    async retrySend(id, localId) {
      const item = get().outbox[id]?.find((i) => i.localId === localId)
      if (item?.state === 'failed') await attempt(id, localId)
    },
    editFailed(id, localId) {
      const item = get().outbox[id]?.find((i) => i.localId === localId)
      if (!item || item.state !== 'failed') return
      const draft = (get().messageDrafts[id] ?? '').trim()
      get().setMessageDraft(id, draft ? `${draft}\n${item.body}` : item.body)
      patchOutbox(id, localId, null)
    },
    async updateConversationState(id, metadata) {
      const res = await bridge.invoke('conversations.update', { conversationId: id, metadata })
      if (!res.ok) return res.error
      set((s) => ({ conversations: { ...s.conversations, [id]: { ...s.conversations[id], ...res.value, metadata: res.value.metadata ?? null } } }))
      return null
    },
    takeMessage(message, kind) {
      const s = get()
      const id = conversationIdFor(message, s.conversations)
      const known = s.conversations[id]
      const conv: Conversation = known
        ? { ...known, lastMessageAt: message.at, lastMessagePreview: message.body }
        : provisionalConversation(id, message)
      const watching = s.view === 'messages' && s.openConversationId === id
      set((st) => ({
        conversations: { ...st.conversations, [id]: conv },
        threads: { ...st.threads, [id]: appendMessage(st.threads[id] ?? [], message) },
        unread: kind === 'received' && !watching ? { ...st.unread, [id]: (st.unread[id] ?? 0) + 1 } : st.unread
      }))
      if (known) return
      // Texts from ever more numbers: the quietest conversations leave memory (the list has them).
      const st = get()
      const busy = (k: string): boolean => Boolean(st.outbox[k]?.length || st.messageDrafts[k])
      const keep = new Set([id, st.openConversationId ?? '', ...[...Object.keys(st.outbox), ...Object.keys(st.messageDrafts)].filter(busy)])
      const drop = conversationsToDrop(st.conversations, keep)
      if (drop.length > 0) {
        set((x) => ({ conversations: withoutKeys(x.conversations, drop), threads: withoutKeys(x.threads, drop), threadStatus: withoutKeys(x.threadStatus, drop), unread: withoutKeys(x.unread, drop) }))
      }
      // A conversation we had not seen: the list knows its number id, agent and state.
      if (s.conversationsStatus === 'loaded') void get().loadConversations()
    }
  }
}
