/**
 * The commands the headless hub answers itself, before the core: who a connection is (with the
 * hub's transport, for the page's unencrypted warning) and the team's links. Links live in the
 * token store; every change goes into the activity trail, and a revoked or rotated link's tabs are
 * closed at once. Roles were already checked against command-roles.ts by the bridge connection;
 * the rules here are the ones a table cannot say (nobody revokes the owner or themselves).
 */
import type { BridgeResult, CommandName, TeamMember } from '../../src-preload/contract'
import { commandParams } from '../../src-preload/contract'
import type { Caller } from '../../src-preload/command-roles'
import type { AuditLog } from '../core/audit/audit-log'
import type { Clock } from '../core/ports'
import { CLOSE_LINK_REVOKED, type HubCommands } from './bridge-connection'
import type { ConnectionRegistry } from './connection-registry'
import { OWNER_ID, type LinkRecord, type TokenStore } from './token-store'

export interface HubCommandOptions {
  /** Without a token store (one fixed token) there is no team: only team.whoami is answered here. */
  tokens: TokenStore | null
  registry: ConnectionRegistry
  audit: AuditLog | null
  clock: Clock
  transport: { tls: boolean; exposed: boolean }
}

type Answer = BridgeResult<unknown>
const refuse = (code: 'forbidden' | 'not_found' | 'invalid_params', message: string): Answer => ({ ok: false, error: { code, message } })
const ok = (value: unknown): Answer => ({ ok: true, value })

export function createHubCommands(options: HubCommandOptions): HubCommands {
  const { tokens, registry, clock } = options
  const member = (link: LinkRecord): TeamMember => ({ ...link, connections: registry.count(link.id) })
  const record = (who: Caller, action: string, target: string, detail: string | null = null): void => {
    void options.audit?.record(who, { action, target, detail })
  }
  /** Closes the person's tabs; one's own (rotating one's own link) just after the answer has gone out. */
  const disconnect = (caller: Caller, id: string, reason: string): number => {
    if (caller.id !== id) return registry.closePerson(id, CLOSE_LINK_REVOKED, reason)
    const count = registry.count(id)
    clock.after(300, () => registry.closePerson(id, CLOSE_LINK_REVOKED, reason))
    return count
  }

  const handlers: Partial<Record<CommandName, (caller: Caller, params: never) => Answer>> = {
    'team.whoami': (caller) => ok({ id: caller.id, name: caller.name, role: caller.role, local: caller.local, hub: options.transport }),
    'team.list': () => ok({ members: tokens!.list().map(member) }),
    'team.invite': (caller, p: { name: string; role: 'operator' | 'admin' }) => {
      const { link, token } = tokens!.issue(p.name, p.role)
      record(caller, 'issued a link', link.name, link.role)
      return ok({ member: member(link), token })
    },
    'team.update': (caller, p: { id: string; name?: string; role?: 'operator' | 'admin' }) => {
      const before = tokens!.record(p.id)
      if (!before) return refuse('not_found', 'There is no such person on this hub (their link may have been revoked).')
      if (p.id === OWNER_ID && p.role !== undefined) return refuse('forbidden', "The owner's role cannot change.")
      if (p.id === OWNER_ID && caller.id !== OWNER_ID) return refuse('forbidden', 'Only the owner can rename the owner.')
      if (p.id === caller.id && p.role !== undefined && p.role !== before.role) return refuse('forbidden', 'Ask another admin to change your own role.')
      const after = tokens!.update(p.id, { name: p.name, role: p.role })!
      if (p.role !== undefined && p.role !== before.role) record(caller, 'changed a role', after.name, `${before.role} → ${after.role}`)
      if (p.name !== undefined && p.name !== before.name) record(caller, 'renamed a person', after.name, `was ${before.name}`)
      return ok(member(after))
    },
    'team.rotate': (caller, p: { id: string }) => {
      if (p.id === OWNER_ID && caller.id !== OWNER_ID) return refuse('forbidden', "Only the owner can rotate the owner's link.")
      const rotated = tokens!.rotate(p.id)
      if (!rotated) return refuse('not_found', 'There is no such person on this hub (their link may have been revoked).')
      disconnect(caller, p.id, 'this link was replaced by a new one')
      record(caller, 'rotated a link', rotated.link.name)
      return ok({ member: member(rotated.link), token: rotated.token })
    },
    'team.revoke': (caller, p: { id: string }) => {
      if (p.id === OWNER_ID) return refuse('forbidden', "The owner's link cannot be revoked; rotate it instead (or restart the hub with --new-token).")
      if (p.id === caller.id) return refuse('forbidden', 'Ask another admin to revoke your own link.')
      const link = tokens!.record(p.id)
      if (!link || !tokens!.revoke(p.id)) return refuse('not_found', 'There is no such person on this hub (their link may already be revoked).')
      const closedConnections = disconnect(caller, p.id, 'this link was revoked')
      record(caller, 'revoked a link', link.name, link.role)
      return ok({ closedConnections })
    }
  }

  return (caller, method, params) => {
    const handler = handlers[method]
    if (!handler || (!tokens && method !== 'team.whoami')) return null
    const parsed = commandParams[method].safeParse(params)
    if (!parsed.success) return Promise.resolve(refuse('invalid_params', parsed.error.issues[0]?.message ?? 'invalid params'))
    return Promise.resolve(handler(caller, parsed.data as never))
  }
}
