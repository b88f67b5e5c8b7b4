/**
 * Scenario runs inside the app: started by a bridge command, reported step by step as bridge
 * events, kept (the last few) so a good run can be saved as the scenario's baseline.
 */
import { randomUUID } from 'node:crypto'
import type { BridgeEvent, RunResult, SavedScenario } from '../../../src-preload/contract'
import { CoreError } from '../errors'
import type { Clock, Logger } from '../ports'
import { compareWithBaseline } from './baseline'
import { formatProblem, parseScenario } from './parse'
import { runScenarios } from './runner'
import { DEFAULT_TEST_SECRET } from './secret'
import { fileStem, type ScenarioStore } from './store'

/** Finished runs kept for "Save as baseline": a person saves one of the last few, not an old one. */
const KEPT_RUNS = 20

export interface RunRequest {
  text: string
  webhookUrl: string
  secret?: string
  baselineOf?: string
  maxLatencyIncrease?: number
}

export class ScenarioService {
  private readonly running = new Map<string, AbortController>()
  private readonly finished = new Map<string, RunResult>()

  constructor(
    readonly store: ScenarioStore,
    private readonly o: { clock: Clock; logger: Logger; emit: (event: BridgeEvent) => void }
  ) {}

  start(p: RunRequest): { runId: string } {
    const parsed = parseScenario(p.text)
    if (!parsed.ok) throw new CoreError('invalid_params', `The scenario has problems: ${parsed.problems.slice(0, 3).map(formatProblem).join('; ')}`)
    const runId = `run_${randomUUID()}`
    const controller = new AbortController()
    this.running.set(runId, controller)
    const loaded = { scenario: parsed.scenario, file: p.baselineOf ?? null, stepLines: parsed.stepLines }
    void (async () => {
      try {
        let run = await runScenarios([loaded], {
          webhookUrl: p.webhookUrl,
          secret: p.secret ?? DEFAULT_TEST_SECRET,
          clock: this.o.clock,
          signal: controller.signal,
          onStep: (e) => this.o.emit({ event: 'scenario.step', data: { runId, ...e } })
        })
        const baseline = p.baselineOf ? await this.store.baseline(p.baselineOf) : null
        if (baseline) run = compareWithBaseline(run, baseline, p.maxLatencyIncrease)
        this.keep(runId, run)
        this.o.emit({ event: 'scenario.finished', data: { runId, result: run, error: null } })
      } catch (err) {
        this.o.logger.warn('scenario run failed', { error: String(err) })
        this.o.emit({ event: 'scenario.finished', data: { runId, result: null, error: (err as Error).message } })
      } finally {
        this.running.delete(runId)
      }
    })()
    return { runId }
  }

  stop(runId: string): void {
    this.running.get(runId)?.abort()
  }

  stopAll(): void {
    for (const c of this.running.values()) c.abort()
  }

  async saveBaseline(runId: string, name: string): Promise<SavedScenario> {
    const run = this.finished.get(runId)
    if (!run) throw new CoreError('not_found', 'That run is not kept any more: run the scenario again, then save it.')
    const saved = (await this.store.list()).find((s) => s.name === fileStem(name))
    if (!saved) throw new CoreError('not_found', 'Save the scenario first: a baseline belongs to a saved scenario.')
    await this.store.saveBaseline(name, run)
    return { ...saved, hasBaseline: true }
  }

  private keep(runId: string, run: RunResult): void {
    this.finished.set(runId, run)
    while (this.finished.size > KEPT_RUNS) this.finished.delete(this.finished.keys().next().value!)
  }
}
