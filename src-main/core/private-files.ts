import { chmod, mkdir } from 'node:fs/promises'

/** Folders holding call history and settings: the owner only. */
export const PRIVATE_DIR_MODE = 0o700
/** Files there: read and written by the owner only. */
export const PRIVATE_FILE_MODE = 0o600

/**
 * Creates `dir` (and its parents) and makes it 0700 whatever the umask: `mkdir`'s mode is masked
 * by the umask and ignored for a folder that already exists, so it is set again explicitly.
 * Transcripts and SMS bodies live under it.
 */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
  await chmod(dir, PRIVATE_DIR_MODE)
}
