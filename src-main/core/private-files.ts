import { chmod, mkdir, open, rename, rm } from 'node:fs/promises'

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

/**
 * Replaces `file` with `text` so that a crash leaves the old file or the new one, never half of
 * one: a temp file beside it (0600), fdatasync, then rename over the old one.
 */
export async function writePrivateFileAtomically(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.${++tempSeq}.tmp`
  try {
    const handle = await open(tmp, 'w', PRIVATE_FILE_MODE)
    try {
      await handle.writeFile(text, 'utf8')
      await handle.datasync()
    } finally {
      await handle.close()
    }
    // The mode given to open() is masked by the umask: set it again.
    await chmod(tmp, PRIVATE_FILE_MODE)
    await rename(tmp, file)
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined)
    throw err
  }
}

let tempSeq = 0
