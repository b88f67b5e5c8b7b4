import type { Agent, BridgeErrorPayload, CallInfo, CommandParams, CommandResult, Conversation, Message } from '../../src-preload/contract'

/** A reply this console is sending or failed to send; it stays in the thread until it goes out. */
export type OutboxItem = {
  localId: string
  conversationId: string
  body: string
  state: 'sending' | 'failed'
  error: string | null
  at: string
}

/** One text on the sandbox phone's "Texts" thread, seen from the contact's side. */
export type ContactText = {
  id: string
  side: 'contact' | 'agent'
  body: string
  at: string
  agentNumber: string
  /** The contact's own texts: on their way, gone out, or refused (with why). Agent texts have none. */
  state?: 'sending' | 'sent' | 'failed'
  error?: string
}

export type FaultTarget = CommandParams<'sandbox.fault'>['target']
export type Voice = CommandResult<'agents.voices'>['items'][number]
export type SendFrom = { agentId?: string; numberId?: string }

export interface MessagesSlice {
  conversations: Record<string, Conversation>
  conversationsTotal: number
  conversationsStatus: 'idle' | 'loading' | 'loaded' | 'error'
  conversationsError: string | null
  /** Messages per conversation id, oldest first (fetched and live ones merged by id). */
  threads: Record<string, Message[]>
  threadStatus: Record<string, 'loading' | 'loaded' | 'error' | undefined>
  /** message.received events per conversation since it was last opened. */
  unread: Record<string, number>
  openConversationId: string | null
  outbox: Record<string, OutboxItem[]>
  messageDrafts: Record<string, string>
  loadConversations(): Promise<void>
  openConversation(id: string): Promise<void>
  markRead(id: string): void
  setMessageDraft(id: string, text: string): void
  /** Sends the conversation's draft; a failure stays in the thread as a failed bubble. */
  sendDraft(id: string): Promise<void>
  /** Sends a failed bubble again — only ever because the person pressed Retry. */
  retrySend(id: string, localId: string): Promise<void>
  /** Moves a failed bubble's text back into the reply box. */
  editFailed(id: string, localId: string): void
  updateConversationState(id: string, metadata: Record<string, unknown> | null): Promise<BridgeErrorPayload | null>
  /** Takes in a message.received / message.sent event (or a send's own answer). */
  takeMessage(message: Message, kind: 'received' | 'sent'): void
}

export interface OutreachSlice {
  /** Which "start something" dialog is open; they live in the frame, so `c` and `n` work from every view. */
  outreachDialog: 'place-call' | 'new-message' | null
  openOutreach(dialog: OutreachSlice['outreachDialog']): void
  /** Agents for the pickers (names, their numbers); null until loaded. */
  pickerAgents: Agent[] | null
  pickerVoices: Voice[] | null
  pickerError: string | null
  loadPickers(opts?: { voices?: boolean }): Promise<void>
  /** New message dialog: sends and opens the thread; answers the refusal, if any. */
  startConversation(params: CommandParams<'messages.send'>): Promise<BridgeErrorPayload | null>
  /** Place call dialog: places the call and opens it in the Call view; never retried. */
  placeCall(params: CommandParams<'calls.place'>): Promise<{ call: CallInfo } | { error: BridgeErrorPayload }>
}

export interface ContactTextsSlice {
  contactTexts: ContactText[]
  /** Faults this console armed and has not seen used yet, per endpoint. */
  faultsArmed: Record<FaultTarget, number>
  /** Texts the agent as the contact; the text shows at once as sending, then sent or failed. */
  textAsContact(to: string, body: string): Promise<boolean>
  /** Sends a failed text again (only because the person asked). */
  retryContactText(localId: string): Promise<boolean>
  armFault(target: FaultTarget): Promise<void>
  takeContactText(message: Message): void
  /** A request to a faultable endpoint answered: one armed fault (if any) is used up. */
  noteFaultUsed(target: FaultTarget): void
}

export type MessagingState = MessagesSlice & OutreachSlice & ContactTextsSlice
