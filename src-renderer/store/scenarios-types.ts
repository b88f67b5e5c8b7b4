import type { ResendResult, RunResult, SavedScenario, ScenarioProblem, StepResult } from '../../src-preload/contract'

/** One step of the run on screen: sent (waiting for the answer) or done. */
export type LiveStep = { index: number; label: string; request: StepResult['request']; result: StepResult | null }

export type ScenarioRunState = {
  runId: string
  steps: LiveStep[]
  result: RunResult | null
  error: string | null
  running: boolean
}

/** The Scenarios view: the text being edited, its problems, the saved files and the run. */
export interface ScenariosSlice {
  scenarioText: string
  /** The saved name it was opened from (or will be saved as). */
  scenarioName: string
  scenarioProblems: ScenarioProblem[]
  scenarioUrl: string
  scenarioSecret: string
  savedScenarios: SavedScenario[]
  scenarioRun: ScenarioRunState | null
  loadSavedScenarios(): Promise<void>
  openSavedScenario(name: string): Promise<void>
  setScenarioText(text: string): void
  setScenarioFields(patch: Partial<Pick<ScenariosSlice, 'scenarioName' | 'scenarioUrl' | 'scenarioSecret'>>): void
  /** A file the person picked (import): its text and a name from the file name. */
  importScenario(fileName: string, text: string): void
  saveScenario(): Promise<boolean>
  deleteScenario(name: string): Promise<void>
  runScenario(): Promise<void>
  stopScenario(): Promise<void>
  saveScenarioBaseline(): Promise<boolean>
  /** A finished call's transcript as a scenario, opened in the Scenarios view. */
  scenarioFromCall(callId: string): Promise<boolean>
  /** The Inspector's edit-and-resend: the answer to the last resend, per delivery. */
  resending: string | null
  resendResults: Record<string, ResendResult | undefined>
  resendDelivery(deliveryId: string, body: string, url: string): Promise<void>
  applyScenarioStep(step: LiveStep & { runId: string }): void
  finishScenarioRun(runId: string, result: RunResult | null, error: string | null): void
}
