import * as Menu from '@radix-ui/react-dropdown-menu'
import { ChevronDown, Laptop, Moon, Sun } from 'lucide-react'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../store/store-context'
import type { ThemeChoice } from '../store/types'

const CHOICES: ReadonlyArray<{ value: ThemeChoice; label: string; Icon: typeof Sun }> = [
  { value: 'system', label: 'Same as the system', Icon: Laptop },
  { value: 'light', label: 'Light', Icon: Sun },
  { value: 'dark', label: 'Dark', Icon: Moon }
]

/** The header's theme choice: says it is the theme, and which one, before anyone clicks it. */
export function ThemeMenu() {
  const { theme, setTheme } = useAppStore(useShallow((s) => ({ theme: s.theme, setTheme: s.setTheme })))
  const current = CHOICES.find((c) => c.value === theme) ?? CHOICES[0]!
  return (
    <Menu.Root>
      <Menu.Trigger className="button button--quiet" aria-label={`Theme: ${current.label}`} title="Light or dark theme (kept in this browser)">
        <current.Icon size={14} aria-hidden="true" /> Theme <ChevronDown size={12} aria-hidden="true" />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content className="dir-menu" align="end" sideOffset={4}>
          <Menu.Label className="dir-menu-label">Theme</Menu.Label>
          <Menu.RadioGroup value={theme} onValueChange={(v) => setTheme(v as ThemeChoice)}>
            {CHOICES.map((c) => (
              <Menu.RadioItem key={c.value} value={c.value} className="dir-menu-item">
                <c.Icon size={13} aria-hidden="true" /> {c.label}
                {c.value === theme ? <span className="sr-only"> (in use)</span> : null}
              </Menu.RadioItem>
            ))}
          </Menu.RadioGroup>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  )
}
