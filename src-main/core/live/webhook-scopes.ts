import type { WebhookConfig } from '../../../src-preload/contract'
import type { KeyValueStore, SecretStore } from '../ports'
import { OUR_WEBHOOKS_KEY, OUR_WEBHOOK_KEY, WEBHOOK_SECRET } from './keys'
import { PROJECT_SCOPE, type SecretRing } from './secret-ring'

/** A registration Switchboard made: the project webhook, or one agent's. */
export interface Registration extends WebhookConfig {
  scope: 'project' | 'agent'
  agentId: string | null
}

/** The ring's name for a registration's scope. */
export function scopeKey(agentId: string | null | undefined): string {
  return agentId ? `agent:${agentId}` : PROJECT_SCOPE
}

/** Where a scope's secret is stored: the project's under the name it always had, each agent's apart. */
export function secretName(agentId: string | null | undefined): string {
  return agentId ? `${WEBHOOK_SECRET}.agent.${agentId}` : WEBHOOK_SECRET
}

/** Every registration Switchboard made, by scope key. */
export function registrations(store: KeyValueStore): Record<string, Registration> {
  const kept = store.get<Record<string, Registration>>(OUR_WEBHOOKS_KEY) ?? {}
  // Older data folders kept only the last registration.
  const last = store.get<Registration | null>(OUR_WEBHOOK_KEY)
  return last && !kept[scopeKey(last.agentId)] ? { ...kept, [scopeKey(last.agentId)]: last } : kept
}

export function saveRegistration(store: KeyValueStore, registration: Registration): void {
  store.set(OUR_WEBHOOKS_KEY, { ...registrations(store), [scopeKey(registration.agentId)]: registration })
  store.set(OUR_WEBHOOK_KEY, registration)
}

export function dropRegistration(store: KeyValueStore, agentId: string | null): void {
  const { [scopeKey(agentId)]: _gone, ...rest } = registrations(store)
  store.set(OUR_WEBHOOKS_KEY, rest)
  const last = store.get<Registration | null>(OUR_WEBHOOK_KEY)
  if (last && scopeKey(last.agentId) === scopeKey(agentId)) store.set(OUR_WEBHOOK_KEY, Object.values(rest).at(-1) ?? null)
}

/** At a live start: every registration's own secret goes into the ring. */
export function loadSecrets(ring: SecretRing, store: KeyValueStore, secrets: SecretStore): void {
  ring.rotate(secrets.get(WEBHOOK_SECRET) ?? null)
  for (const reg of Object.values(registrations(store))) {
    if (reg.agentId) ring.rotate(secrets.get(secretName(reg.agentId)) ?? null, scopeKey(reg.agentId))
  }
}
