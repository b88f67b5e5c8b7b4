import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../../store/store-context'
import type { ThemeChoice } from '../../store/types'

const CHOICES: Array<{ value: ThemeChoice; label: string }> = [
  { value: 'system', label: 'Follow the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' }
]

/** Theme, kept on this computer (like the header's theme button): a shared hub's screens differ. */
export function AppearanceSection() {
  const { theme, setTheme } = useAppStore(useShallow((s) => ({ theme: s.theme, setTheme: s.setTheme })))
  return (
    <fieldset className="st-body st-fieldset">
      <legend className="small muted">Theme</legend>
      {CHOICES.map((c) => (
        <label key={c.value} className="st-check">
          <input type="radio" name="st-theme" value={c.value} checked={theme === c.value} onChange={() => setTheme(c.value)} />
          {c.label}
        </label>
      ))}
    </fieldset>
  )
}
