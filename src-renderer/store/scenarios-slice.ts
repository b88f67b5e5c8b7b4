import type { SliceDeps } from './types'
import type { ScenariosSlice } from './scenarios-types'

/** Typing waits this long before the core validates, so each keystroke is not a round trip. */
const VALIDATE_DEBOUNCE_MS = 250

export const NEW_SCENARIO = `name: my first scenario
channel: voice
turns:
  - caller: "Where is my order 4521?"
    expect:
      replyMatches: "order"
      forbiddenActions: [hangup]
      maxLatencyMs: 1500
  - caller: "Thanks, bye"
    expect: { actions: [hangup] }
  - fault: badSignature
    expect: { status: 401 }
`

/** A file name to a scenario name: the stem, without the folder or the extension. */
const stemOf = (fileName: string): string => fileName.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/i, '')

export function createScenariosSlice({ set, get, bridge }: SliceDeps): ScenariosSlice {
  let debounce: ReturnType<typeof setTimeout> | null = null
  // An answer to older text must not overwrite the problems of newer text.
  let validateSeq = 0

  const validateNow = async (): Promise<void> => {
    const seq = ++validateSeq
    const res = await bridge.invoke('scenarios.validate', { text: get().scenarioText })
    if (seq !== validateSeq || !res.ok) return
    set({ scenarioProblems: res.value.problems })
  }

  return {
    scenarioText: NEW_SCENARIO,
    scenarioName: 'my first scenario',
    scenarioProblems: [],
    scenarioUrl: '',
    scenarioSecret: '',
    savedScenarios: [],
    scenarioRun: null,
    resending: null,
    resendResults: {},

    async resendDelivery(deliveryId, body, url) {
      set({ resending: deliveryId })
      const res = get().report('Resending the delivery', await bridge.invoke('webhooks.resend', { deliveryId, body, ...(url.trim() ? { url: url.trim() } : {}) }))
      set((s) => ({ resending: null, resendResults: res ? { ...s.resendResults, [deliveryId]: res } : s.resendResults }))
    },

    async loadSavedScenarios() {
      const res = get().report('Loading saved scenarios', await bridge.invoke('scenarios.list', {}))
      if (res) set({ savedScenarios: res.items })
    },

    async openSavedScenario(name) {
      const res = get().report('Opening the scenario', await bridge.invoke('scenarios.read', { name }))
      if (!res) return
      set({ scenarioText: res.text, scenarioName: res.name, scenarioRun: null })
      await validateNow()
    },

    setScenarioText(text) {
      set({ scenarioText: text })
      if (debounce) clearTimeout(debounce)
      debounce = setTimeout(() => {
        debounce = null
        void validateNow()
      }, VALIDATE_DEBOUNCE_MS)
    },

    setScenarioFields(patch) {
      set(patch)
    },

    importScenario(fileName, text) {
      set({ scenarioText: text, scenarioName: stemOf(fileName), scenarioRun: null })
      void validateNow()
    },

    async saveScenario() {
      const { scenarioName, scenarioText } = get()
      const res = get().report('Saving the scenario', await bridge.invoke('scenarios.save', { name: scenarioName, text: scenarioText }))
      if (!res) return false
      set({ scenarioName: res.name })
      get().pushToast('info', `Saved as ${res.file}.`)
      await get().loadSavedScenarios()
      return true
    },

    async deleteScenario(name) {
      if (!get().report('Deleting the scenario', await bridge.invoke('scenarios.delete', { name }))) return
      await get().loadSavedScenarios()
    },

    async runScenario() {
      const s = get()
      const saved = s.savedScenarios.find((x) => x.name === s.scenarioName && x.hasBaseline)
      // The last run's result goes at once: left on screen until the core answers, it reads as this run's.
      set({ scenarioRun: { runId: '', steps: [], result: null, error: null, running: true } })
      const res = get().report(
        'Running the scenario',
        await bridge.invoke('scenarios.run', {
          text: s.scenarioText,
          webhookUrl: s.scenarioUrl.trim(),
          ...(s.scenarioSecret.trim() ? { secret: s.scenarioSecret.trim() } : {}),
          ...(saved ? { baselineOf: saved.name } : {})
        })
      )
      if (!res) {
        set((st) => (st.scenarioRun?.runId === '' ? { scenarioRun: null } : {}))
        return
      }
      // Step events for this run may already be here if the answer was slow; keep those.
      set((st) => ({ scenarioRun: st.scenarioRun?.runId === res.runId ? st.scenarioRun : { runId: res.runId, steps: [], result: null, error: null, running: true } }))
    },

    async stopScenario() {
      const run = get().scenarioRun
      if (run?.running) get().report('Stopping the run', await bridge.invoke('scenarios.stop', { runId: run.runId }))
    },

    async saveScenarioBaseline() {
      const { scenarioRun, scenarioName } = get()
      if (!scenarioRun?.result) return false
      const res = get().report('Saving the baseline', await bridge.invoke('scenarios.saveBaseline', { runId: scenarioRun.runId, name: scenarioName }))
      if (!res) return false
      get().pushToast('info', `Baseline saved: later runs of ${res.name} are compared with this one.`)
      await get().loadSavedScenarios()
      return true
    },

    async scenarioFromCall(callId) {
      const res = get().report('Making a scenario of the call', await bridge.invoke('scenarios.fromCall', { callId }))
      if (!res) return false
      set({ scenarioText: res.text, scenarioName: res.name, scenarioRun: null, scenarioProblems: [] })
      get().setView('scenarios')
      return true
    },

    applyScenarioStep({ runId, ...step }) {
      set((st) => {
        const run = st.scenarioRun?.runId === runId ? st.scenarioRun : { runId, steps: [], result: null, error: null, running: true }
        const steps = run.steps.filter((x) => x.index !== step.index)
        steps.push(step)
        steps.sort((a, b) => a.index - b.index)
        return { scenarioRun: { ...run, steps } }
      })
    },

    finishScenarioRun(runId, result, error) {
      set((st) => (st.scenarioRun?.runId === runId ? { scenarioRun: { ...st.scenarioRun, result, error, running: false } } : {}))
    }
  }
}
