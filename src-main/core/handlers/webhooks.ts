import { CoreError } from '../errors'
import { toDeliverySummary } from '../../../src-preload/delivery-summary'
import type { SessionContext } from './context'
import type { HandlerMap } from './types'

/**
 * The inspector's view of the receiver: summaries for the list, one delivery in full when it is
 * opened, full pages for export, and replay.
 */
export function webhookHandlers(ctx: SessionContext): HandlerMap {
  return {
    'webhooks.deliveries': async (filter) => {
      const page = ctx.deliveries.query(filter)
      return { items: page.items.map(toDeliverySummary), total: page.total }
    },
    'webhooks.delivery': async ({ deliveryId }) => {
      const stored = ctx.deliveries.get(deliveryId)
      if (!stored) throw new CoreError('not_found', `Delivery ${deliveryId} is no longer kept: the inspector keeps the newest ${ctx.deliveries.capacity.toLocaleString('en-US')}.`)
      return stored
    },
    'webhooks.export': async (filter) => ctx.deliveries.query(filter),
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
