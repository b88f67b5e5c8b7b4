import type { CallInfo, Message, Settings } from '../../src-preload/contract'
import type { BridgeClient } from '../bridge/bridge-client'
import type { NotifyPermission } from '../store/supervision-types'
import { isMuted } from '../store/alerts-slice'
import type { AppStore, NavView } from '../store/types'
import { answerCall } from './answer-call'
import { waitsForPerson } from './call-state'
import { formatPhone } from './format'

export type NotifyKind = keyof Settings['notifications']

/** What the decision looks at: the person's switches, the permission, a mute, and what is on screen. */
export type NotifyContext = {
  settings: Settings | null
  permission: NotifyPermission
  /** This window's own switch (Settings › Alerts); the core's switches say which events. */
  enabled: boolean
  /** A mute from any window or the tray. */
  muted: boolean
  focused: boolean
  view: NavView
  openCallId: string | null
}

/**
 * Whether to raise a desktop notification. Never without permission, against the person's
 * switches or while alerts are muted; and not for something already in front of them (focused
 * window, that call or the Messages view open).
 */
export function shouldNotify(kind: NotifyKind, ctx: NotifyContext, callId: string | null = null): boolean {
  if (ctx.permission !== 'granted' || !ctx.enabled || ctx.muted || !ctx.settings?.notifications?.[kind]) return false
  if (!ctx.focused) return true
  if (kind === 'sms') return ctx.view !== 'messages'
  return !(ctx.view === 'monitor' && callId !== null && ctx.openCallId === callId)
}

/** The pieces of the browser a notification needs, swappable in tests. */
export type NotifyEnv = {
  show(title: string, options: { body: string; tag: string }, onClick: () => void): void
  hasFocus(): boolean
  focusWindow(): void
}

/** The Notification API: in Electron's renderer it becomes a native notification. */
export function browserEnv(): NotifyEnv | null {
  if (typeof Notification === 'undefined' || typeof window === 'undefined') return null
  return {
    show(title, options, onClick) {
      const n = new Notification(title, options)
      n.onclick = () => {
        onClick()
        n.close()
      }
    },
    hasFocus: () => document.hasFocus(),
    focusWindow: () => window.focus()
  }
}

const clip = (text: string, max = 120): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text)
const who = (call: CallInfo): string => formatPhone(call.direction === 'outbound' ? call.to : call.from)

/** Subscribes to the events worth a notification; returns a stop function. */
export function startNotifications(store: AppStore, bridge: BridgeClient, env: NotifyEnv | null = browserEnv()): () => void {
  if (!env) return () => undefined
  const s = store.getState
  const context = (): NotifyContext => {
    const st = s()
    return {
      settings: st.settings,
      permission: st.notifyPermission,
      enabled: st.alertPrefs.desktop,
      muted: isMuted(st.status?.alertsMutedUntil),
      focused: env.hasFocus(),
      view: st.view,
      openCallId: st.openCallId
    }
  }
  // A click lands where a person answers: the call open, the keyboard in its reply box.
  const openCall = (callId: string) => (): void => {
    env.focusWindow()
    answerCall(store, callId)
  }

  const offs = [
    bridge.on('call.started', (call) => {
      if (call.direction !== 'inbound' || !shouldNotify('inboundCall', context(), call.id)) return
      env.show('Incoming call', { body: `${who(call)} is calling ${call.agentName ?? 'an agent'}`, tag: `call-${call.id}` }, openCall(call.id))
    }),
    bridge.on('turn.opened', (turn) => {
      const call = s().calls[turn.callId]
      // A fallback-only or hosted call never waits for a person: nothing to come back for.
      if (!waitsForPerson(call)) return
      if (!shouldNotify('waitingTurn', context(), turn.callId)) return
      const from = call ? `${who(call)}: ` : ''
      const said = turn.transcript ? `“${clip(turn.transcript)}”` : 'The caller finished speaking.'
      // One per call: a newer turn replaces the old notification instead of stacking up.
      env.show('A caller is waiting for you', { body: `${from}${said}`, tag: `turn-${turn.callId}` }, openCall(turn.callId))
    }),
    bridge.on('message.received', (m: Message) => {
      if (m.direction !== 'inbound' || !shouldNotify('sms', context())) return
      env.show(`SMS from ${formatPhone(m.from)}`, { body: clip(m.body), tag: `sms-${m.conversationId ?? m.from}` }, () => {
        env.focusWindow()
        s().setView('messages')
      })
    })
  ]
  return () => {
    for (const off of offs) off()
  }
}

/** Asks for permission; must run inside a user gesture (a click), or browsers refuse quietly. */
export async function requestNotifyPermission(store: AppStore): Promise<void> {
  if (typeof Notification === 'undefined') return
  const permission = await Notification.requestPermission()
  store.getState().setNotifyPermission(permission)
}
