import type { SliceDeps } from './types'

export type RecordingFetch = { kind: 'audio'; url: string; bytes: number } | { kind: 'none' } | { kind: 'error'; message: string }

export interface RecordingsSlice {
  /**
   * A finished call's recording as a `blob:` URL for an <audio> element (the recording's own URL is
   * not one the window may load). The caller revokes the URL when it is done with it.
   */
  fetchRecording(callId: string): Promise<RecordingFetch>
}

export function createRecordingsSlice({ bridge }: SliceDeps): RecordingsSlice {
  return {
    async fetchRecording(callId) {
      const res = await bridge.invoke('calls.recording', { callId })
      if (!res.ok) return { kind: 'error', message: res.error.message }
      const audio = res.value.audio
      if (!audio) return { kind: 'none' }
      const raw = atob(audio.base64)
      const bytes = new Uint8Array(raw.length)
      for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i)
      return { kind: 'audio', url: URL.createObjectURL(new Blob([bytes], { type: audio.mimeType })), bytes: audio.bytes }
    }
  }
}
