import { CoreError } from '../errors'
import type { SessionContext } from './context'
import type { HandlerMap } from './types'

/** The inspector's view of the receiver. Connecting through a tunnel is a later piece of work. */
export function webhookHandlers(ctx: SessionContext): HandlerMap {
  return {
    'webhooks.deliveries': async (filter) => ctx.deliveries.query(filter),
    'webhooks.replay': async ({ deliveryId }) => {
      const stored = ctx.deliveries.get(deliveryId)
      if (!stored) throw new CoreError('not_found', `There is no stored delivery ${deliveryId}.`)
      return ctx.receiver.replay(stored)
    }
  }
}
