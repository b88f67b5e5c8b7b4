import { LOCAL_OWNER } from '../../../src-preload/command-roles'
import type { AuditLog } from '../audit/audit-log'
import { CoreError } from '../errors'
import type { HandlerMap } from './types'

const HUB_ONLY = 'Personal links are issued by a headless hub (npm run serve); this desktop window is its one person, the owner.'

/**
 * Who is calling and what the hub did. The hub's server answers the team's link commands itself
 * (its token store lives there) before they reach the core; here, in the desktop app, there is no
 * team to manage, and the caller is the hub's own machine.
 */
export function teamHandlers(audit: AuditLog): HandlerMap {
  const hubOnly = async (): Promise<never> => {
    throw new CoreError('not_available', HUB_ONLY)
  }
  return {
    'team.whoami': async (_p, caller) => {
      const who = caller ?? LOCAL_OWNER
      return { id: who.id, name: who.name, role: who.role, local: who.local, hub: null }
    },
    'team.activity': async ({ limit = 200 }) => ({ items: await audit.recent(limit) }),
    'team.list': hubOnly,
    'team.invite': hubOnly,
    'team.update': hubOnly,
    'team.rotate': hubOnly,
    'team.revoke': hubOnly
  }
}
