import { createServer } from 'node:net'

/**
 * Fixed ports used until the person picks others, so the address of an open tab and the port a
 * tunnel forwards to stay the same from one start to the next. Chosen outside the ranges dev
 * servers usually take (3000, 5173, 8080…); both are remembered once used.
 */
export const DEFAULT_UI_PORT = 7480
export const DEFAULT_RECEIVER_PORT = 7481

/** A listener could not bind because the port is held (or not ours to take). */
export class PortTakenError extends Error {
  constructor(
    readonly port: number,
    /** What wanted the port, for the message: 'receiver' or 'UI'. */
    readonly what: string,
    cause?: unknown
  ) {
    super(`Port ${port} for the ${what} is already in use by another program.`, cause === undefined ? undefined : { cause })
    this.name = 'PortTakenError'
  }
}

/** True for the errors `listen` gives when the port is taken (EACCES: a privileged port). */
export function isPortTaken(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'EADDRINUSE' || code === 'EACCES'
}

/** Whether `port` can be bound on `host` right now (bound and released at once). */
export function portIsFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.once('error', () => resolve(false))
    probe.listen(port, host, () => probe.close(() => resolve(true)))
  })
}

/** The first free port after `from` (up to `tries` of them), or null: a suggestion to offer the person. */
export async function findFreePort(host: string, from: number, tries = 20): Promise<number | null> {
  for (let port = from + 1; port <= Math.min(65535, from + tries); port++) {
    if (await portIsFree(host, port)) return port
  }
  return null
}
