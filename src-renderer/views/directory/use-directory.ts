import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../../store/store-context'

type Part = 'agents' | 'numbers' | 'voices'

/**
 * Loads what a view lists when it opens, and again when the core restarts (a mode switch makes
 * another account's agents and numbers current), so nothing stale from the other mode is shown.
 */
export function useDirectoryLoad(parts: readonly Part[]): void {
  const { coreStart, loadAgents, loadNumbers, loadVoices } = useAppStore(
    useShallow((s) => ({
      coreStart: s.status ? `${s.status.mode}@${s.status.startedAt}` : null,
      loadAgents: s.loadAgents,
      loadNumbers: s.loadNumbers,
      loadVoices: s.loadVoices
    }))
  )
  const key = parts.join(',')
  useEffect(() => {
    if (key.includes('agents')) void loadAgents()
    if (key.includes('numbers')) void loadNumbers()
    if (key.includes('voices')) void loadVoices()
  }, [key, coreStart, loadAgents, loadNumbers, loadVoices])
}
