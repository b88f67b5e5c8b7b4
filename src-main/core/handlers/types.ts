import type { z } from 'zod'
import type { CommandName, CommandResult, commandParams } from '../../../src-preload/contract'
import type { Caller } from '../../../src-preload/command-roles'

/**
 * A command's implementation: params already validated against the contract's schema. `caller` is
 * the person behind it on a hub, undefined for the hub's own machine (see SessionLike.invoke).
 */
export type Handler<M extends CommandName> = (params: z.output<(typeof commandParams)[M]>, caller: Caller | undefined) => Promise<CommandResult<M>>

export type HandlerMap = { [M in CommandName]?: Handler<M> }
