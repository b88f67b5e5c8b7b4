/** The Scenarios view's commands, and the Inspector's edit-and-resend. */
import type { CallInfo, TranscriptTurn } from '../../../src-preload/contract'
import { CoreError } from '../errors'
import type { Clock } from '../ports'
import { fileStem } from '../scenarios/store'
import { parseScenario } from '../scenarios/parse'
import { resendDelivery } from '../scenarios/resend'
import { scenarioFromCall, scenarioName } from '../scenarios/from-call'
import type { ScenarioService } from '../scenarios/service'
import type { HandlerMap } from './types'

/** Only what these commands use (STYLE: a part gets what it uses). */
export interface ScenarioHandlerDeps {
  service: ScenarioService
  clock: Clock
  call(callId: string): Promise<{ call: CallInfo; transcript: TranscriptTurn[] } | null>
  delivery(deliveryId: string): { body: string; event: string | null } | null
  receiverUrl(): string
  /** The webhook secret the receiver accepts now; it never leaves the core. */
  currentSecret(): string | null
  webhookTimeoutMs(): number
}

export function scenarioHandlers(d: ScenarioHandlerDeps): HandlerMap {
  const store = d.service.store
  return {
    'scenarios.list': async () => ({ items: await store.list() }),
    'scenarios.read': async ({ name }) => ({ name: fileStem(name), text: await store.read(name) }),
    'scenarios.save': async ({ name, text }) => store.save(name, text),
    'scenarios.delete': async ({ name }) => {
      await store.remove(name)
      return {}
    },
    'scenarios.validate': async ({ text }) => {
      const r = parseScenario(text)
      return r.ok ? { problems: [], name: r.scenario.name, steps: r.scenario.turns.length } : { problems: r.problems, name: null, steps: 0 }
    },
    'scenarios.run': async (p) => d.service.start(p),
    'scenarios.stop': async ({ runId }) => {
      d.service.stop(runId)
      return {}
    },
    'scenarios.fromCall': async ({ callId }) => {
      const found = await d.call(callId)
      if (!found) throw new CoreError('not_found', `There is no call ${callId}.`)
      const text = scenarioFromCall(found.call, found.transcript)
      if (!text) throw new CoreError('invalid_params', 'This call has no caller line to replay yet.')
      return { name: scenarioName(found.call), text }
    },
    'scenarios.saveBaseline': async ({ runId, name }) => d.service.saveBaseline(runId, name),
    'webhooks.resend': async ({ deliveryId, body, url }) => {
      const stored = d.delivery(deliveryId)
      if (!stored) throw new CoreError('not_found', `There is no stored delivery ${deliveryId}.`)
      const secret = d.currentSecret()
      if (!secret) throw new CoreError('not_available', 'There is no webhook secret to sign with yet: connect a webhook first.')
      return resendDelivery({ url: url ?? d.receiverUrl(), secret, body, event: stored.event, waitMs: d.webhookTimeoutMs(), clock: d.clock })
    }
  }
}
