/** `/v1/numbers…` (agentphone-api.md §2.3): buy within the number limit, release once, history kept. */
import { newestFirst } from '../account'
import { BuyNumberBody, buyNumber } from '../agent-store'
import type { SimRuntime } from '../context'
import { HttpError, parseWith } from '../http-errors'
import type { Router } from '../router'
import { offsetPaging, page, timePage } from '../router'
import { callSummaryOut, numberMessageOut, numberOut } from '../serialize'

export function numberRoutes(r: Router, rt: SimRuntime): void {
  r.get('/v1/numbers', ({ account, query }) => {
    const list = newestFirst(account.activeNumbers(), (n) => n.createdAt)
    return page(list.map(numberOut), offsetPaging(query))
  })

  r.post('/v1/numbers', ({ account, body }) => numberOut(buyNumber(rt, account, parseWith(BuyNumberBody, body ?? {}))))

  r.get('/v1/numbers/:numberId', ({ account, params }) => numberOut(account.number(params.numberId!)))

  r.delete('/v1/numbers/:numberId', ({ account, params }) => {
    const number = account.number(params.numberId!)
    if (number.status === 'released') throw new HttpError(400, 'Phone number has already been released')
    number.status = 'released'
    number.agentId = null
    return { success: true, phoneNumber: number.phoneNumber, status: number.status }
  })

  r.get('/v1/numbers/:numberId/messages', ({ account, params, query }) => {
    const number = account.number(params.numberId!)
    const list = newestFirst(account.messages.filter((m) => m.numberId === number.id), (m) => m.receivedAt)
    const p = timePage(list, (m) => m.receivedAt, query)
    return { data: p.data.map(numberMessageOut), hasMore: p.hasMore }
  })

  r.get('/v1/numbers/:numberId/calls', ({ account, params, query, base }) => {
    const number = account.number(params.numberId!)
    const list = newestFirst([...account.calls.values()].filter((c) => c.phoneNumberId === number.id), (c) => c.startedAt)
    return page(list.map((c) => callSummaryOut(c, base)), offsetPaging(query))
  })
}
