import { Headphones, Sparkles } from 'lucide-react'

/** Who answers the agent's calls (webhook: a person or your server; hosted: the AI), as words with an icon. */
export function VoiceModeBadge({ mode }: { mode: 'webhook' | 'hosted' }) {
  const Icon = mode === 'hosted' ? Sparkles : Headphones
  return (
    <span className={`badge dir-mode dir-mode--${mode}`}>
      <Icon size={13} aria-hidden="true" />
      {mode === 'hosted' ? 'AI answers' : 'You answer'}
    </span>
  )
}
