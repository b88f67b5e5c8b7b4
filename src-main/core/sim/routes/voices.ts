/** The voice catalogue `GET /v1/agents/voices` answers (snake_case, as the API sends it). */

export interface Voice {
  voice_id: string
  voice_name: string
  provider: string
  gender: string | null
  accent: string | null
  preview_audio_url: string | null
}

export const VOICES: Voice[] = [
  { voice_id: 'custom_voice_ea22ba5fdfaa18f39c274851c1', voice_name: 'Skylar — Friendly Guide', provider: 'elevenlabs', gender: 'female', accent: 'American', preview_audio_url: null },
  { voice_id: 'sim_voice_marcus', voice_name: 'Marcus — Calm Support', provider: 'elevenlabs', gender: 'male', accent: 'American', preview_audio_url: null },
  { voice_id: 'sim_voice_amelia', voice_name: 'Amelia — Crisp Concierge', provider: 'elevenlabs', gender: 'female', accent: 'British', preview_audio_url: null },
  { voice_id: 'sim_voice_jun', voice_name: 'Jun — Upbeat Sales', provider: 'cartesia', gender: 'male', accent: 'Australian', preview_audio_url: null },
  { voice_id: 'Polly.Amy', voice_name: 'Amy (Polly)', provider: 'polly', gender: 'female', accent: 'British', preview_audio_url: null }
]
