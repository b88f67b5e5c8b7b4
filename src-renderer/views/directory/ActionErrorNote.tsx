import { ErrorNotice } from '../../components/ErrorNotice'
import type { ActionError } from '../../store/directory-slice'

/** Words for the refusals people meet here; anything else shows the API's own message. */
function lead(error: NonNullable<ActionError>): string {
  if (error.code === 'not_available') return 'Not connected to the core'
  if (error.code === 'invalid_params' || error.code === 'invalid_number') return 'Not accepted'
  if (error.status === 402) return 'Billing refused it'
  if (error.status === 409) return 'AgentPhone refused it'
  if (error.status === 429) return 'Too many requests'
  return 'AgentPhone refused it'
}

/** An API refusal shown where the person is looking, inside the form or dialog that caused it. */
export function ActionErrorNote({ error, what }: { error: ActionError; what?: string }) {
  if (!error) return null
  return (
    <ErrorNotice className="dir-error">
      <span>
        {what ? `${what} failed. ` : ''}
        <strong>{lead(error)}:</strong> {error.message}
        {error.retryAfterSeconds ? ` Try again in ${error.retryAfterSeconds} s.` : ''}
      </span>
    </ErrorNotice>
  )
}
