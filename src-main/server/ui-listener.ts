/**
 * Where the headless shell's UI listens: the same port as last time, so an open tab's address keeps
 * working across a restart. `--port P` is used as given (0: any free port, not remembered).
 */
import type { KeyValueStore, Logger } from '../core/ports'
import { DEFAULT_UI_PORT, isPortTaken } from '../core/stable-ports'
import { startHeadlessServer, type HeadlessServer, type HeadlessServerOptions } from './headless-server'

/** Settings key of the UI's remembered port. */
export const UI_PORT_KEY = 'uiPort'

export interface UiListenOptions extends Omit<HeadlessServerOptions, 'port'> {
  /** `--port`, when given. */
  explicitPort: number | undefined
  settings: KeyValueStore
  logger: Logger
}

/**
 * Starts the server on the explicit port, else the remembered one, else 7480. A remembered port
 * that another program took is given up for a free one (said on stderr, and remembered from now on:
 * tabs opened from this start's address then keep working after the next restart). An explicit
 * port that is taken is an error: the person asked for that one.
 */
export async function listenUi(options: UiListenOptions): Promise<HeadlessServer> {
  const { explicitPort, settings, logger, ...server } = options
  if (explicitPort !== undefined) {
    try {
      return await startHeadlessServer({ ...server, logger, port: explicitPort })
    } catch (error) {
      if (!isPortTaken(error)) throw error
      throw new Error(`Port ${explicitPort} for the UI is already in use by another program: choose another with --port, or leave --port out to use the remembered one.`)
    }
  }
  const wanted = settings.get<number>(UI_PORT_KEY) ?? DEFAULT_UI_PORT
  let started: HeadlessServer
  try {
    started = await startHeadlessServer({ ...server, logger, port: wanted })
  } catch (error) {
    if (!isPortTaken(error)) throw error
    started = await startHeadlessServer({ ...server, logger, port: 0 })
    logger.warn(`port ${wanted} is taken by another program, so the UI moved to ${new URL(started.url).port}; tabs open on the old address need the new one printed below`)
  }
  settings.set(UI_PORT_KEY, Number(new URL(started.url).port))
  return started
}
