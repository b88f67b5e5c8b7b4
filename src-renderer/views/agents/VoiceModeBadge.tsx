import { Headphones, Sparkles } from 'lucide-react'

/** Webhook or hosted, always as a word with an icon: the colour alone would say nothing. */
export function VoiceModeBadge({ mode }: { mode: 'webhook' | 'hosted' }) {
  const Icon = mode === 'hosted' ? Sparkles : Headphones
  return (
    <span className={`badge dir-mode dir-mode--${mode}`}>
      <Icon size={13} aria-hidden="true" />
      {mode === 'hosted' ? 'Hosted' : 'Webhook'}
    </span>
  )
}
