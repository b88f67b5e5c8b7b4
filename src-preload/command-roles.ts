/**
 * Who may run which bridge command: one table, next to the contract it covers, so a new command
 * cannot be added without deciding who may run it (the `satisfies` below fails the build).
 *
 * People on a hub hold a personal link whose token carries their name and role. The server's
 * bridge connection checks every WebSocket call against this table before the core sees it; the
 * Electron window (IPC) is the hub's own machine and runs as the local owner.
 */
import type { BridgeErrorPayload, CommandName } from './contract'

/** In rising order: each role may do everything the ones before it may. */
export const ROLES = ['operator', 'admin', 'owner'] as const
export type Role = (typeof ROLES)[number]

/** Who is calling: bound to the connection's token, never chosen by the client. */
export interface Caller {
  /** Stable for the person across link rotations ('owner' for the owner). */
  id: string
  name: string
  role: Role
  /** On the hub's own machine (the desktop window, the core itself), not a browser over the network. */
  local: boolean
}

/** The desktop window and the core's own calls. */
export const LOCAL_OWNER: Caller = Object.freeze({ id: 'owner', name: 'Owner', role: 'owner', local: true })

/**
 * The least role for each command. Operators answer turns, text and place calls; admins also change
 * settings, webhooks, agents, numbers, the API key and the team. Reads an operator's views need
 * (agents and numbers for the place-call dialog, settings for quick replies) stay at operator.
 */
export const commandRoles = {
  'app.status': 'operator',
  'app.configure': 'admin',
  'app.switchMode': 'admin',
  'app.gaps': 'operator',
  'app.reportError': 'operator',
  // Ports, tunnel and webhook registrations: how the hub is wired, for whoever runs it.
  'app.diagnostics': 'admin',
  'settings.get': 'operator',
  'settings.update': 'admin',

  'calls.list': 'operator',
  'calls.get': 'operator',
  'calls.place': 'operator',
  'calls.end': 'operator',
  'calls.setAnswerer': 'operator',
  'calls.recording': 'operator',
  'turns.list': 'operator',
  'turns.reply': 'operator',
  'turns.claim': 'operator',

  'messages.send': 'operator',
  'conversations.list': 'operator',
  'conversations.get': 'operator',
  'conversations.update': 'operator',

  'agents.list': 'operator',
  'agents.get': 'operator',
  'agents.voices': 'operator',
  'agents.create': 'admin',
  'agents.update': 'admin',
  'agents.delete': 'admin',

  'numbers.list': 'operator',
  'numbers.buy': 'admin',
  'numbers.release': 'admin',
  'numbers.attach': 'admin',
  'numbers.detach': 'admin',

  'webhooks.status': 'operator',
  'webhooks.connect': 'admin',
  'webhooks.disconnect': 'admin',
  'webhooks.detectTunnel': 'admin',
  'webhooks.deliveries': 'admin',
  'webhooks.replay': 'admin',
  // Signs a body with the webhook secret and sends it to any URL: a signing oracle for admins only.
  'webhooks.resend': 'admin',

  'history.status': 'operator',
  'history.clear': 'admin',
  'usage.summary': 'operator',
  'usage.daily': 'operator',
  'usage.monthly': 'operator',
  'usage.byAgent': 'operator',
  'usage.byNumber': 'operator',

  // History: reviewing calls afterwards is part of answering them.
  'calls.history': 'operator',
  'calls.export': 'operator',
  'calls.exportCsv': 'operator',
  'notes.get': 'operator',
  'notes.set': 'operator',
  'notes.tags': 'operator',
  'search.query': 'operator',

  // The sandbox phone plays the caller: part of answering practice, not of the account.
  'sandbox.dial': 'operator',
  'sandbox.answer': 'operator',
  'sandbox.decline': 'operator',
  'sandbox.say': 'operator',
  'sandbox.press': 'operator',
  'sandbox.sms': 'operator',
  'sandbox.hangup': 'operator',
  'sandbox.fault': 'operator',
  'sandbox.reset': 'admin',
  'alerts.mute': 'operator',

  // Scenarios are signed with the webhook secret and played at any URL.
  'scenarios.list': 'admin',
  'scenarios.read': 'admin',
  'scenarios.save': 'admin',
  'scenarios.delete': 'admin',
  'scenarios.validate': 'admin',
  'scenarios.run': 'admin',
  'scenarios.stop': 'admin',
  'scenarios.fromCall': 'admin',
  'scenarios.saveBaseline': 'admin',

  // The copilot: its status and drafts serve whoever answers; its settings hold a model key.
  'copilot.status': 'operator',
  'copilot.configure': 'admin',
  'copilot.test': 'admin',
  'copilot.pause': 'operator',
  'copilot.takeOver': 'operator',
  'copilot.handBack': 'operator',
  'copilot.dismiss': 'operator',

  // Updates install on the hub's own machine; a browser only sees whether one is waiting.
  'update.status': 'operator',
  'update.restart': 'owner',

  'team.whoami': 'operator',
  'team.list': 'admin',
  'team.invite': 'admin',
  'team.update': 'admin',
  'team.rotate': 'admin',
  'team.revoke': 'admin',
  'team.activity': 'admin'
} as const satisfies Record<CommandName, Role>

/**
 * Params only the hub's own machine may set, whatever the role. The base URL decides where the API
 * key is sent, so a browser (even the owner's) never chooses it: see src-preload/base-url-rule.ts.
 */
export const localOnlyParams: Partial<Record<CommandName, readonly string[]>> = {
  'app.configure': ['baseUrl']
}

export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed)
}

const ROLE_WORDS: Record<Role, string> = { operator: 'an operator', admin: 'an admin', owner: 'the owner' }

/** Why `caller` may not run `method` with `params`, or null when it may. */
export function accessRefusal(caller: Caller, method: CommandName, params: unknown): BridgeErrorPayload | null {
  const needed: Role = commandRoles[method]
  if (!roleAtLeast(caller.role, needed)) {
    return {
      code: 'forbidden',
      message: `${method} needs ${ROLE_WORDS[needed]}'s link; ${caller.name} is ${ROLE_WORDS[caller.role]}. Ask an admin of this hub.`
    }
  }
  const local = localOnlyParams[method]
  if (!caller.local && local && typeof params === 'object' && params !== null) {
    const given = local.filter((key) => (params as Record<string, unknown>)[key] !== undefined)
    if (given.length > 0) {
      return {
        code: 'forbidden',
        message:
          `${given.join(', ')} can be changed only on the hub's own machine (the desktop app, or the headless shell's ` +
          '--base-url flag or AGENTPHONE_BASE_URL), never from a browser: it decides where the API key is sent.'
      }
    }
  }
  return null
}
