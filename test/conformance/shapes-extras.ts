/**
 * Shapes for the SDK methods beyond the core (contacts, contact cards, iMessage extras, location,
 * registration) and for usage's `plan`, pinned to the official SDK's response types.
 */
import type { AgentPhone } from 'agentphone'
import type { ShapeOf } from './shape'

export const CONTACT: ShapeOf<AgentPhone.ContactResponse> = {
  id: 'string',
  phoneNumber: 'string',
  name: 'string',
  email: '?string|null',
  notes: '?string|null',
  createdAt: 'string',
  updatedAt: 'string'
}

export const CONTACT_CAPABILITIES: ShapeOf<AgentPhone.ContactCapabilitiesResponse> = { phoneNumber: 'string', capabilities: 'object', checkedAt: 'string' }
export const CONTACT_CARD: ShapeOf<AgentPhone.ContactCardResponse> = { firstName: '?string|null', lastName: '?string|null', displayName: '?string|null', hasAvatar: '?boolean' }
export const TYPING: ShapeOf<AgentPhone.SendTypingResponse> = { conversationId: 'string', channel: 'string', status: 'string' }
export const BACKGROUND: ShapeOf<AgentPhone.SetBackgroundResponse> = {
  conversationId: 'string',
  channel: 'string',
  hasBackground: 'boolean',
  backgroundId: '?string|null',
  backgroundVersion: '?number|null',
  changed: 'boolean'
}
export const REACTION: ShapeOf<AgentPhone.SendReactionResponse> = { id: 'string', reaction_type: 'string', message_id: 'string', channel: 'string' }
export const LOCATION: ShapeOf<AgentPhone.LocationResponse> = { phoneNumber: 'string', latitude: '?number|null', longitude: '?number|null', status: 'string', lastUpdated: 'number' }
export const LOCATION_REFRESH: ShapeOf<AgentPhone.LocationRefreshResponse> = { success: 'boolean', pollAfterSeconds: '?number' }
export const CAMPAIGN_STATUS: ShapeOf<AgentPhone.CampaignStatusResponse> = { campaign_status: 'string', message: 'string', stage: '?string|null' }
export const REGISTRATION: ShapeOf<AgentPhone.RegistrationResponse> = { ok: 'boolean', message: 'string', campaign_status: 'string', sub_account_id: '?string|null', fee_cents: '?number' }
export const PLAN: ShapeOf<AgentPhone.PlanInfo> = { name: 'string', limits: 'object' }
export const PLAN_LIMITS: ShapeOf<AgentPhone.PlanLimits> = {
  numbers: 'number',
  messagesPerMonth: 'number',
  voiceMinutesPerMonth: 'number',
  maxCallDurationMinutes: 'number',
  concurrentCalls: 'number'
}
