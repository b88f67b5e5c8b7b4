import type { Copilot } from '../copilot/copilot'
import type { HandlerMap } from './types'

/** The copilot's commands: the group gets the copilot and nothing else. */
export function copilotHandlers(copilot: Copilot): HandlerMap {
  return {
    'copilot.status': async () => copilot.status(),
    'copilot.configure': async (params) => copilot.configure(params),
    'copilot.test': (params) => copilot.test(params),
    'copilot.pause': async ({ paused }) => copilot.pause(paused),
    'copilot.takeOver': async ({ callId }) => copilot.takeOver(callId),
    'copilot.handBack': async ({ callId }) => copilot.handBack(callId),
    'copilot.dismiss': async (params) => {
      copilot.dismiss(params)
      return {}
    }
  }
}
