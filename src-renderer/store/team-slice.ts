import type { AuditEntry, BridgeErrorPayload, TeamMember, WhoAmI } from '../../src-preload/contract'
import type { SliceDeps } from './types'

export type IssuedRole = 'operator' | 'admin'

/** A link just issued or rotated: shown once (only a hash of its token is kept on the hub). */
export type IssuedLink = { memberId: string; name: string; link: string; rotated: boolean }

export interface TeamSlice {
  /** Who this window is (its link's name and role); null until the bridge answers. */
  me: WhoAmI | null
  members: TeamMember[] | null
  teamError: string | null
  activity: AuditEntry[] | null
  activityError: string | null
  issued: IssuedLink | null
  loadMe(): Promise<void>
  loadTeam(): Promise<void>
  loadActivity(): Promise<void>
  invite(name: string, role: IssuedRole): Promise<BridgeErrorPayload | null>
  rotateLink(memberId: string): Promise<BridgeErrorPayload | null>
  revokeLink(memberId: string): Promise<BridgeErrorPayload | null>
  setRole(memberId: string, role: IssuedRole): Promise<BridgeErrorPayload | null>
  dismissIssued(): void
}

/**
 * The link a person opens: this page's own origin (what they reach the hub by, a reverse proxy's
 * address included) with the token in the fragment, which never reaches a server or a log.
 */
export function personalLink(token: string, origin = globalThis.location?.origin ?? ''): string {
  return `${origin}/#token=${encodeURIComponent(token)}`
}

export function isAdmin(me: WhoAmI | null): boolean {
  return me?.role === 'admin' || me?.role === 'owner'
}

export function createTeamSlice({ set, get, bridge }: SliceDeps): TeamSlice {
  /** After a change: the list again, and the trail (the change is in it). */
  const refresh = (): void => {
    void get().loadTeam()
    void get().loadActivity()
  }
  return {
    me: null,
    members: null,
    teamError: null,
    activity: null,
    activityError: null,
    issued: null,

    async loadMe() {
      const res = await bridge.invoke('team.whoami', {})
      if (!res.ok) return
      // On a hub the name claims are shown under is the link's, not one typed into this browser.
      set(res.value.hub ? { me: res.value, operator: res.value.name } : { me: res.value })
    },
    async loadTeam() {
      const res = await bridge.invoke('team.list', {})
      set(res.ok ? { members: res.value.members, teamError: null } : { teamError: res.error.message })
    },
    async loadActivity() {
      const res = await bridge.invoke('team.activity', { limit: 200 })
      set(res.ok ? { activity: res.value.items, activityError: null } : { activityError: res.error.message })
    },
    async invite(name, role) {
      const res = await bridge.invoke('team.invite', { name, role })
      if (!res.ok) return res.error
      set({ issued: { memberId: res.value.member.id, name: res.value.member.name, link: personalLink(res.value.token), rotated: false } })
      refresh()
      return null
    },
    async rotateLink(memberId) {
      const res = await bridge.invoke('team.rotate', { id: memberId })
      if (!res.ok) return res.error
      set({ issued: { memberId, name: res.value.member.name, link: personalLink(res.value.token), rotated: true } })
      refresh()
      return null
    },
    async revokeLink(memberId) {
      const res = await bridge.invoke('team.revoke', { id: memberId })
      if (!res.ok) return res.error
      if (get().issued?.memberId === memberId) set({ issued: null })
      refresh()
      return null
    },
    async setRole(memberId, role) {
      const res = await bridge.invoke('team.update', { id: memberId, role })
      if (!res.ok) return res.error
      refresh()
      return null
    },
    dismissIssued() {
      set({ issued: null })
    }
  }
}
