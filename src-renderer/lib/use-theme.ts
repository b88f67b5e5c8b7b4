import { useEffect } from 'react'
import type { ThemeChoice } from '../store/types'

/** "system" leaves the attribute off so the stylesheet's prefers-color-scheme rule decides. */
export function useThemeAttribute(theme: ThemeChoice): void {
  useEffect(() => {
    const root = document.documentElement
    if (theme === 'system') delete root.dataset.theme
    else root.dataset.theme = theme
  }, [theme])
}
