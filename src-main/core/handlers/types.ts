import type { z } from 'zod'
import type { CommandName, CommandResult, commandParams } from '../../../src-preload/contract'

/** A command's implementation: params already validated against the contract's schema. */
export type Handler<M extends CommandName> = (params: z.output<(typeof commandParams)[M]>) => Promise<CommandResult<M>>

export type HandlerMap = { [M in CommandName]?: Handler<M> }
