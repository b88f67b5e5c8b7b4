/** Every REST route, in match order (static segments such as `/v1/agents/voices` first). */
import type { SimRuntime } from '../context'
import { Router } from '../router'
import { accountExtraRoutes } from './account-extras'
import { agentRoutes } from './agents'
import { callRoutes } from './calls'
import { contactRoutes } from './contacts'
import { imessageRoutes } from './imessage'
import { chatCompletionRoutes } from './chat-completions'
import { messageRoutes } from './messages'
import { numberRoutes } from './numbers'
import { usageRoutes } from './usage'
import { webhookRoutes } from './webhooks'

export function buildRouter(rt: SimRuntime): Router {
  const r = new Router()
  usageRoutes(r, rt)
  agentRoutes(r, rt)
  numberRoutes(r, rt)
  callRoutes(r, rt)
  messageRoutes(r, rt)
  webhookRoutes(r, rt)
  contactRoutes(r, rt)
  imessageRoutes(r, rt)
  accountExtraRoutes(r, rt)
  chatCompletionRoutes(r, rt)
  return r
}
