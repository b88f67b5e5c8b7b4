import { useShallow } from 'zustand/react/shallow'
import type { CallInfo } from '../../../src-preload/contract'
import { autopilotAnswers } from '../../../src-preload/contract'
import type { CallCopilotDraft } from '../../store/copilot-slice'
import { useAppStore } from '../../store/store-context'

export interface CallCopilot {
  /** The draft for the waiting turn, shown in the (empty) reply box as a suggestion. */
  inBox: CallCopilotDraft | null
  /** A draft that arrived while the person had typed their own text: offered beside it, never over it. */
  beside: CallCopilotDraft | null
  /** Any draft of the waiting turn (for its notice, its proposed action, autopilot's forming answer). */
  draft: CallCopilotDraft | null
  /** Autopilot answers this call's turns itself. */
  autopilot: boolean
  /** A person took this call over from autopilot. */
  takenOver: boolean
  paused: boolean
  mode: 'off' | 'suggest' | 'autopilot'
  modelLabel: string
}

/** What the copilot has for one call's composer, given the waiting turn and the person's own text. */
export function useCallCopilot(call: CallInfo, turnId: string | null, ownText: string): CallCopilot {
  const { copilot, stored } = useAppStore(useShallow((s) => ({ copilot: s.copilot, stored: s.copilotDrafts[call.id] ?? null })))
  const draft = stored && stored.turnId === turnId ? stored : null
  const suggestion = draft && !draft.autopilot && !draft.adopted && draft.text !== '' ? draft : null
  const mine = ownText !== ''
  return {
    inBox: suggestion && !mine ? suggestion : null,
    beside: suggestion && mine ? suggestion : null,
    draft,
    autopilot: copilot ? autopilotAnswers(copilot, call) && call.answeredBy === 'human' : false,
    takenOver: copilot?.takenOver.includes(call.id) ?? false,
    paused: copilot?.paused ?? false,
    mode: copilot?.mode ?? 'off',
    modelLabel: copilot?.modelLabel ?? ''
  }
}
