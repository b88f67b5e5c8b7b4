import type { BridgeClient } from '../bridge/bridge-client'
import { isTerminal } from '../lib/call-state'
import { MAX_CONTACT_TEXTS } from './contact-texts-slice'
import type { ContactText } from './messages-types'
import { MAX_HEARD_LINES } from './sandbox-slice'
import type { AppState, AppStore, HeardLine } from './types'

const KEY = 'switchboard.sandboxPhone'
/** Calls whose "Caller hears" lines are kept: the phone shows one, a few cover a quick redial. */
const KEPT_CALLS = 5

type Kept = { phoneCallId: string | null; lastPhoneCallId: string | null; heard: Record<string, HeardLine[]>; contactTexts: ContactText[] }

function read(storage: Pick<Storage, 'getItem'>): Kept | null {
  try {
    const v = JSON.parse(storage.getItem(KEY) ?? 'null') as Partial<Kept> | null
    if (!v || typeof v !== 'object') return null
    return {
      phoneCallId: typeof v.phoneCallId === 'string' ? v.phoneCallId : null,
      lastPhoneCallId: typeof v.lastPhoneCallId === 'string' ? v.lastPhoneCallId : null,
      heard: v.heard && typeof v.heard === 'object' ? v.heard : {},
      contactTexts: Array.isArray(v.contactTexts) ? v.contactTexts.slice(-MAX_CONTACT_TEXTS) : []
    }
  } catch {
    return null // a damaged entry costs the phone's history, never the app
  }
}

function keep(s: AppState): Kept {
  const ids = Object.keys(s.heard).slice(-KEPT_CALLS)
  if (s.lastPhoneCallId && !ids.includes(s.lastPhoneCallId) && s.heard[s.lastPhoneCallId]) ids.push(s.lastPhoneCallId)
  return {
    phoneCallId: s.phoneCallId,
    lastPhoneCallId: s.lastPhoneCallId,
    heard: Object.fromEntries(ids.map((id) => [id, (s.heard[id] ?? []).slice(-MAX_HEARD_LINES)])),
    contactTexts: s.contactTexts.slice(-MAX_CONTACT_TEXTS)
  }
}

/**
 * The sandbox phone's history (what the caller heard, its texts, the call it is on) survives a
 * refresh of the tab: kept in the tab's session storage, bounded. A call the phone was on is asked
 * about once; if it ended meanwhile the phone is free again.
 */
export function startSandboxMemory(store: AppStore, bridge: BridgeClient, storage: Pick<Storage, 'getItem' | 'setItem'> | null): () => void {
  if (!storage) return () => undefined
  const kept = read(storage)
  if (kept) {
    store.setState({ phoneCallId: kept.phoneCallId, lastPhoneCallId: kept.lastPhoneCallId, heard: { ...kept.heard, ...store.getState().heard }, contactTexts: kept.contactTexts })
    const onCall = kept.phoneCallId
    if (onCall) {
      void bridge.invoke('calls.get', { callId: onCall }).then((res) => {
        if ((!res.ok || isTerminal(res.value.call.status)) && store.getState().phoneCallId === onCall) store.setState({ phoneCallId: null })
      })
    }
  }
  return store.subscribe((s, prev) => {
    if (s.heard === prev.heard && s.contactTexts === prev.contactTexts && s.phoneCallId === prev.phoneCallId && s.lastPhoneCallId === prev.lastPhoneCallId) return
    try {
      storage.setItem(KEY, JSON.stringify(keep(s)))
    } catch {
      // storage full or disabled: the phone keeps its history in memory for this page
    }
  })
}
