import type { ComponentType } from 'react'
import type { NavView } from '../store/types'
import { MonitorView } from './monitor/MonitorView'
import { AgentsView } from './agents/AgentsView'
import { NumbersView } from './numbers/NumbersView'
import { UsageView } from './usage/UsageView'
import { MessagesView } from './messages/MessagesView'
import { SettingsView } from './settings/SettingsView'
import { WebhooksView } from './webhooks/WebhooksView'
import { ScenariosView } from './scenarios/ScenariosView'
import { HistoryView } from './history/HistoryView'

/**
 * Which component renders each navigation view. A view not listed shows its placeholder. Each
 * view registers itself here with one line, so adding a view never means rewriting the frame.
 */
export const VIEWS: Partial<Record<NavView, ComponentType>> = {
  monitor: MonitorView,
  agents: AgentsView,
  numbers: NumbersView,
  usage: UsageView,
  messages: MessagesView,
  webhooks: WebhooksView,
  scenarios: ScenariosView,
  history: HistoryView,
  settings: SettingsView
}
