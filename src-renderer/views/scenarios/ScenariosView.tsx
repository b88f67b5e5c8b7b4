import { Download, FilePlus, Save, Upload } from 'lucide-react'
import { useEffect, useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { downloadFile } from '../../lib/download-file'
import { NEW_SCENARIO } from '../../store/scenarios-slice'
import { useAppStore } from '../../store/store-context'
import { RunPanel } from './RunPanel'
import { SavedScenarios } from './SavedScenarios'
import { ScenarioEditor } from './ScenarioEditor'

/** Scenarios: write or open one, play it against a webhook server, keep it and its baseline. */
export function ScenariosView() {
  const s = useAppStore(
    useShallow((st) => ({
      name: st.scenarioName,
      text: st.scenarioText,
      setFields: st.setScenarioFields,
      setText: st.setScenarioText,
      load: st.loadSavedScenarios,
      save: st.saveScenario,
      importFile: st.importScenario,
      pushToast: st.pushToast
    }))
  )
  const { load } = s
  const picker = useRef<HTMLInputElement>(null)
  useEffect(() => {
    void load()
  }, [load])

  const exportFile = (): void => {
    const file = `${s.name.trim().replace(/[^\w.-]+/g, '-') || 'scenario'}.yaml`
    downloadFile(file, s.text, 'application/yaml')
    s.pushToast('info', `Saved ${file}.`)
  }

  return (
    <section className="view sc-view" aria-labelledby="scenarios-heading">
      <div className="view-header">
        <h1 id="scenarios-heading">Scenarios</h1>
        <span className="muted small">Test your webhook server before real callers do.</span>
        <span className="header-spacer" />
        <button type="button" className="button" onClick={() => {
          s.setText(NEW_SCENARIO)
          s.setFields({ scenarioName: 'new scenario' })
        }}>
          <FilePlus size={13} aria-hidden="true" /> New
        </button>
        <button type="button" className="button" onClick={() => picker.current?.click()}>
          <Upload size={13} aria-hidden="true" /> Import…
        </button>
        <input
          ref={picker}
          type="file"
          accept=".yaml,.yml,text/yaml"
          hidden
          aria-label="Import a scenario file"
          onChange={async (e) => {
            const file = e.target.files?.[0]
            if (file) s.importFile(file.name, await file.text())
            e.target.value = ''
          }}
        />
        <button type="button" className="button" onClick={exportFile}>
          <Download size={13} aria-hidden="true" /> Export
        </button>
      </div>
      <div className="sc-body">
        <SavedScenarios />
        <div className="sc-main">
          <form
            className="sc-name-row"
            onSubmit={(e) => {
              e.preventDefault()
              void s.save()
            }}
          >
            <label className="sc-field sc-field--grow">
              <span className="label">Name to save as</span>
              <input className="input" value={s.name} onChange={(e) => s.setFields({ scenarioName: e.target.value })} />
            </label>
            <button type="submit" className="button" disabled={!s.name.trim()}>
              <Save size={13} aria-hidden="true" /> Save
            </button>
          </form>
          <ScenarioEditor />
        </div>
        <RunPanel />
      </div>
    </section>
  )
}
