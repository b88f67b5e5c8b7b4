/**
 * The team's commands and payloads: personal links with a role, and the activity trail. The
 * headless hub answers team.list/invite/update/rotate/revoke (its token store lives there); the
 * core answers team.whoami and team.activity in both shells.
 */
import { z } from 'zod'

const MemberId = z.string().min(1).max(100)
const PersonName = z.string().trim().min(1, 'a name is required').max(60)
/** Roles a link can be issued with; the owner's link is the one the hub prints. */
export const IssuedRoleSchema = z.enum(['operator', 'admin'])
export const RoleSchema = z.enum(['operator', 'admin', 'owner'])

export const TeamMemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: RoleSchema,
  createdAt: z.string(),
  rotatedAt: z.string().nullable(),
  /** Open tabs (WebSocket connections) on this person's link right now. */
  connections: z.number().int().min(0)
})
export type TeamMember = z.infer<typeof TeamMemberSchema>

export const AuditEntrySchema = z.object({
  at: z.string(),
  who: z.object({ id: z.string(), name: z.string(), role: RoleSchema }),
  /** What happened, in words: "answered a turn", "changed settings", "revoked a link"… */
  action: z.string(),
  /** What it happened to: a call, an agent, a number, a person. */
  target: z.string().nullable(),
  detail: z.string().nullable()
})
export type AuditEntry = z.infer<typeof AuditEntrySchema>

export interface WhoAmI {
  id: string
  name: string
  role: z.infer<typeof RoleSchema>
  local: boolean
  /** The headless hub's transport, so the page can warn about plain HTTP; null in the desktop app. */
  hub: { tls: boolean; exposed: boolean } | null
}

export const teamCommandParams = {
  /** Who this connection is: the name and role its link carries. */
  'team.whoami': z.strictObject({}),
  'team.list': z.strictObject({}),
  /** A personal link for a new person; its token is in the answer once and stored only as a hash. */
  'team.invite': z.strictObject({ name: PersonName, role: IssuedRoleSchema }),
  'team.update': z.strictObject({ id: MemberId, name: PersonName.optional(), role: IssuedRoleSchema.optional() }),
  /** A new token for the person (same name and role); their old link stops working at once. */
  'team.rotate': z.strictObject({ id: MemberId }),
  /** The person's link stops working and their open tabs are closed. */
  'team.revoke': z.strictObject({ id: MemberId }),
  /** Who did what on the hub, newest first. */
  'team.activity': z.strictObject({ limit: z.number().int().min(1).max(1000).optional() })
} as const

export interface TeamCommandResults {
  'team.whoami': WhoAmI
  'team.list': { members: TeamMember[] }
  'team.invite': { member: TeamMember; token: string }
  'team.update': TeamMember
  'team.rotate': { member: TeamMember; token: string }
  'team.revoke': { closedConnections: number }
  'team.activity': { items: AuditEntry[] }
}
