/**
 * Application updates over the bridge: where an update stands and the "Restart to update" command.
 * Only the packaged Electron app installs updates (electron-updater, from GitHub releases); a run
 * from source, `npm start` and the headless shell answer `unavailable` and say where updates come
 * from instead. Kept beside payloads.ts so the contract only gains a few spread lines.
 */
import { z } from 'zod'

export const UpdateStateSchema = z.enum([
  /** This copy does not update itself (run from source, the headless shell). */
  'unavailable',
  /** Up to date, or not checked yet. */
  'idle',
  'checking',
  'downloading',
  /** Downloaded: "Restart to update" is offered (and held while a call is live or a turn waits). */
  'ready',
  /** The last check or download failed; the next check comes at the usual time. */
  'error'
])
export type UpdateState = z.infer<typeof UpdateStateSchema>

export const UpdateStatusSchema = z.object({
  state: UpdateStateSchema,
  currentVersion: z.string(),
  /** The version being downloaded or ready to install. */
  version: z.string().nullable(),
  /** Download progress, 0–100, while downloading. */
  percent: z.number().min(0).max(100).nullable(),
  /** Whether "Restart to update" may be pressed now. */
  canRestart: z.boolean(),
  /** Why a ready update waits ("a call is live"), else null. */
  heldBy: z.string().nullable(),
  /** One sentence for people: what happened, or where this copy's updates come from. */
  detail: z.string(),
  /** When the feed was last read (ISO), if ever. */
  checkedAt: z.string().nullable()
})
export type UpdateStatus = z.infer<typeof UpdateStatusSchema>

const Empty = z.strictObject({})

export const updateCommandParams = {
  'update.status': Empty,
  /** Quits, installs the downloaded update and starts again; refused while a call is live or a turn waits. */
  'update.restart': Empty
} as const

export interface UpdateCommandResults {
  'update.status': UpdateStatus
  'update.restart': { restarting: true }
}

export const updateEventSchemas = {
  'update.status': UpdateStatusSchema
} as const
