import { useAppStore } from '../../store/store-context'
import { AfterCallView } from './AfterCallView'
import { HistoryPage } from './HistoryPage'

/** History: every call, searchable; a call opened from it is read afterwards in full. */
export function HistoryView() {
  const afterCall = useAppStore((s) => s.afterCall)
  return afterCall ? <AfterCallView key={afterCall.callId} target={afterCall} /> : <HistoryPage />
}
