import { FileJson, FileText } from 'lucide-react'
import { useAppStore } from '../../store/store-context'
import { downloadFile } from '../../lib/download-file'

/** One call as a file: text to read or hand on, JSON for tools. The recording saves from the player. */
export function CallExport({ callId }: { callId: string }) {
  const exportCall = useAppStore((s) => s.exportCall)
  const save = async (format: 'text' | 'json'): Promise<void> => {
    const file = await exportCall(callId, format)
    if (file) downloadFile(file.filename, file.content, file.mimeType)
  }
  return (
    <span className="call-export" role="group" aria-label="Export this call">
      <button type="button" className="button" onClick={() => void save('text')}>
        <FileText size={13} aria-hidden="true" /> Text
      </button>
      <button type="button" className="button" onClick={() => void save('json')}>
        <FileJson size={13} aria-hidden="true" /> JSON
      </button>
    </span>
  )
}
