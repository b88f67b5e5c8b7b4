import { CoreError } from '../errors'
import type { SessionContext } from './context'
import type { HandlerMap } from './types'

/** The inspector's view of the receiver. Connecting through a tunnel is a later piece of work. */
export function webhookHandlers(ctx: SessionContext): HandlerMap {
  return {
    'webhooks.deliveries': async (filter) => ctx.deliveries.query(filter),
    'webhooks.replay': async ({ deliveryId, allowUnverified }) => {
      const stored = ctx.deliveries.get(deliveryId)
      if (!stored) throw new CoreError('not_found', `There is no stored delivery ${deliveryId}.`)
      const unverified = stored.outcome === 'refused' || stored.unverified === true
      if (unverified && !allowUnverified) {
        throw new CoreError(
          'needs_confirmation',
          `This delivery was refused (${stored.reason ?? 'unknown reason'}), so nothing proves AgentPhone sent it. Replaying it puts it into the history marked as unverified.`
        )
      }
      return ctx.receiver.replay(stored, { unverified })
    }
  }
}
