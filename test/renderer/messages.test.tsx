import { act, screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { fakeBridge } from './helpers/fake-bridge'
import { CONV_A, CONV_B, messagingBridge, sms } from './helpers/messages-fixtures'
import { renderApp } from './helpers/render-app'
import { THREAD_WINDOW } from '../../src-renderer/views/messages/Thread'
import { MAX_CONVERSATIONS } from '../../src-renderer/store/messages-match'

// These tests type whole numbers and messages key by key; on a busy 2-core machine that takes a while.
vi.setConfig({ testTimeout: 20_000 })

async function openMessages(bridge = messagingBridge()) {
  const app = await renderApp(bridge)
  await app.user.click(screen.getByRole('button', { name: /^Messages/ }))
  await screen.findByRole('listbox', { name: 'Conversations' })
  return app
}
const row = (digits: RegExp) => within(screen.getByRole('listbox', { name: 'Conversations' })).getByRole('option', { name: digits })
const thread = () => screen.getByRole('log', { name: 'Messages in this conversation' })

describe('Messages: unread counts', () => {
  it('counts texts received since a conversation was last opened and clears them on open', async () => {
    const { emit, user } = await openMessages()
    emit('message.received', sms(CONV_B, 'Are you there?'))
    emit('message.received', sms(CONV_B, 'Hello??'))
    expect(within(row(/7777/)).getByLabelText('2 unread')).toBeTruthy()
    expect(within(row(/0999/)).queryByLabelText(/unread/)).toBeNull()
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByLabelText('2 unread')).toBeTruthy()
    // The newest conversation moves to the top, with its last words as the preview.
    expect(within(screen.getByRole('listbox', { name: 'Conversations' })).getAllByRole('option')[0]?.textContent).toContain('Hello??')

    await user.click(row(/7777/))
    expect(within(row(/7777/)).queryByLabelText(/unread/)).toBeNull()
    expect(within(thread()).getByText('Hello??')).toBeTruthy()

    // While the thread is open and on screen, a new text is read at once and shows in the thread.
    emit('message.received', sms(CONV_B, 'Still open?'))
    expect(within(thread()).getByText('Still open?')).toBeTruthy()
    expect(within(row(/7777/)).queryByLabelText(/unread/)).toBeNull()
    // Another conversation's text counts there, and does not leak into the open thread.
    emit('message.received', sms(CONV_A, 'Other thread'))
    expect(within(row(/0999/)).getByLabelText('1 unread')).toBeTruthy()
    expect(within(thread()).queryByText('Other thread')).toBeNull()
  })

  it('counts texts for the open conversation while another view is showing', async () => {
    const { emit, user } = await openMessages()
    await user.click(row(/0999/))
    await user.click(screen.getByRole('button', { name: /^Monitor/ }))
    emit('message.received', sms(CONV_A, 'Anyone?'))
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByLabelText('1 unread')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: /^Messages/ }))
    // Coming back to the open thread reads it.
    expect(within(thread()).getByText('Anyone?')).toBeTruthy()
    expect(within(screen.getByRole('navigation', { name: 'Main' })).queryByLabelText(/unread/)).toBeNull()
  })

  it('shows a text for a conversation it has not seen, matched by number when it has no id, and refreshes the list', async () => {
    const bridge = messagingBridge()
    const { emit } = await openMessages(bridge)
    const listsBefore = bridge.methods().filter((m) => m === 'conversations.list').length
    const stranger = { ...CONV_B, id: 'conv_new', participant: '+12125550123' }
    emit('message.received', sms(stranger, 'New here', 'inbound', { conversationId: null }))
    expect(within(row(/0123/)).getByLabelText('1 unread')).toBeTruthy()
    // Without a conversation id, a text from a known participant joins that conversation.
    emit('message.received', sms(CONV_B, 'Same person', 'inbound', { conversationId: null }))
    expect(within(row(/7777/)).getByLabelText('1 unread')).toBeTruthy()
    await act(async () => Promise.resolve())
    expect(bridge.methods().filter((m) => m === 'conversations.list').length).toBeGreaterThan(listsBefore)
  })

  it('says how to get a first text when there are no conversations (sandbox)', async () => {
    const bridge = fakeBridge({ 'conversations.list': () => ({ items: [], total: 0 }), 'agents.list': () => ({ items: [], total: 0 }) })
    const { user } = await renderApp(bridge)
    await user.click(screen.getByRole('button', { name: /^Messages/ }))
    expect(await screen.findByText(/Text the Sandbox Agent from the sandbox phone/)).toBeTruthy()
  })
})

describe('Messages: replies', () => {
  it('keeps a failed reply as a failed bubble with the error, and sends it again only on Retry', async () => {
    const bridge = messagingBridge()
    bridge.respond('messages.send', () => ({
      ok: false,
      error: { code: 'api_error', status: 503, message: 'Carrier error (simulated by the sandbox)' }
    }))
    const { user, emit } = await openMessages(bridge)
    await user.click(row(/0999/))
    const box = screen.getByLabelText('Reply by SMS')
    await user.type(box, 'We open at nine{Enter}')

    const sends = () => bridge.invokes.filter((i) => i.method === 'messages.send')
    expect(sends()).toEqual([{ method: 'messages.send', params: { toNumber: '+15550100999', body: 'We open at nine', numberId: 'num_1' } }])
    const failed = within(thread()).getByRole('alert')
    expect(failed.textContent).toContain('Not sent — AgentPhone is unavailable for now (503): Carrier error (simulated by the sandbox)')
    expect(within(thread()).getByText('We open at nine')).toBeTruthy()
    expect((box as HTMLTextAreaElement).value).toBe('')
    // Nothing retries by itself.
    await act(async () => new Promise((r) => setTimeout(r, 50)))
    expect(sends()).toHaveLength(1)

    bridge.respond('messages.send', (p) => {
      const sent = sms(CONV_A, p.body, 'outbound', { id: 'msg_sent_1' })
      bridge.emit('message.sent', sent) // the core pushes the event before it answers
      return sent
    })
    await user.click(within(thread()).getByRole('button', { name: 'Retry' }))
    expect(sends()).toHaveLength(2)
    expect(sends()[1]?.params).toEqual(sends()[0]?.params)
    expect(within(thread()).queryByRole('alert')).toBeNull()
    expect(within(thread()).getAllByText('We open at nine')).toHaveLength(1)
    emit('message.sent', sms(CONV_A, 'We open at nine', 'outbound', { id: 'msg_sent_1' }))
    expect(within(thread()).getAllByText('We open at nine')).toHaveLength(1)
  })

  it('puts a failed reply back in the box with Edit', async () => {
    const bridge = messagingBridge()
    bridge.respond('messages.send', () => ({ ok: false, error: { code: 'api_error', message: 'nope' } }))
    const { user } = await openMessages(bridge)
    await user.click(row(/7777/))
    await user.type(screen.getByLabelText('Reply by SMS'), 'Draft one{Enter}')
    await user.click(within(thread()).getByRole('button', { name: 'Edit' }))
    expect(screen.getByLabelText<HTMLTextAreaElement>('Reply by SMS').value).toBe('Draft one')
    expect(within(thread()).queryByText('Draft one')).toBeNull()
  })
})

describe('Messages: conversation state', () => {
  it('shows the details in words, edits them as {"name": "value"} pairs, refusing anything else, and keeps the text when saving is refused', async () => {
    const bridge = messagingBridge()
    bridge.respond('conversations.update', () => ({ ok: false, error: { code: 'api_error', message: 'metadata too large' } }))
    const { user } = await openMessages(bridge)
    await user.click(row(/0999/))
    expect(screen.getByText('step: greeting')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Edit details' }))
    const box = screen.getByLabelText<HTMLTextAreaElement>('Conversation details')
    expect(JSON.parse(box.value)).toEqual({ step: 'greeting' })

    await user.clear(box)
    await user.paste('[1, 2]')
    expect(screen.getByText(/Write the details between braces/)).toBeTruthy()
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save details' }).disabled).toBe(true)
    await user.clear(box)
    await user.paste('{"step": "paid"')
    expect(screen.getByText(/Not readable yet/)).toBeTruthy()
    await user.paste('}')
    await user.click(screen.getByRole('button', { name: 'Save details' }))
    expect(bridge.invokes.at(-1)).toEqual({ method: 'conversations.update', params: { conversationId: 'conv_a', metadata: { step: 'paid' } } })
    expect(screen.getByRole('alert').textContent).toContain('Not saved: metadata too large')
    expect(box.value).toBe('{"step": "paid"}')

    bridge.respond('conversations.update', (p) => ({ ...CONV_A, metadata: p.metadata }))
    await user.click(screen.getByRole('button', { name: 'Save details' }))
    expect(screen.queryByLabelText('Conversation details')).toBeNull()
    expect(screen.getByText('step: paid')).toBeTruthy()
  })
})

describe('Messages under a stream of texts', () => {
  it('does not pull the list back to the top as new texts re-sort it, until the person moves in it', async () => {
    const { emit, user } = await openMessages()
    const scrolled = vi.spyOn(Element.prototype, 'scrollIntoView')
    scrolled.mockClear()
    for (let i = 0; i < 20; i += 1) emit('message.received', sms(i % 2 ? CONV_A : CONV_B, `text ${i}`))
    expect(scrolled).not.toHaveBeenCalled()
    const list = screen.getByRole('listbox', { name: 'Conversations' })
    list.focus()
    await user.keyboard('{ArrowDown}')
    expect(scrolled).toHaveBeenCalled()
    scrolled.mockRestore()
  })

  it('draws the newest messages of a long thread, the older ones a press away, and keeps adding live ones', async () => {
    const bridge = messagingBridge()
    const long = Array.from({ length: 400 }, (_, i) => sms(CONV_B, `old text ${i}`))
    bridge.respond('conversations.get', () => ({ conversation: CONV_B, messages: long }))
    const { emit, user } = await openMessages(bridge)
    await user.click(row(/7777/))
    const bubbles = () => within(thread()).getAllByText(/^(old|live) text \d+$/)
    await within(thread()).findByText('old text 399')
    expect(bubbles()).toHaveLength(THREAD_WINDOW)
    expect(bubbles()[0]!.textContent).toBe(`old text ${400 - THREAD_WINDOW}`)
    emit('message.received', sms(CONV_B, 'live text 1'))
    expect(bubbles().at(-1)!.textContent).toBe('live text 1')
    expect(bubbles()).toHaveLength(THREAD_WINDOW)
    await user.click(within(thread()).getByRole('button', { name: `Show ${THREAD_WINDOW} earlier messages` }))
    expect(bubbles()).toHaveLength(2 * THREAD_WINDOW)
    await user.click(within(thread()).getByRole('button', { name: /^Show \d+ earlier messages$/ }))
    expect(bubbles()).toHaveLength(401)
    expect(within(thread()).queryByRole('button', { name: /earlier messages/ })).toBeNull()
  })
})

describe('Messages from ever more numbers', () => {
  it('keeps the most recent conversations in memory, and always the open one', async () => {
    const { emit, user, store } = await openMessages()
    await user.click(row(/0999/))
    const total = MAX_CONVERSATIONS + 100
    for (let i = 0; i < total; i += 1) {
      emit('message.received', sms(CONV_B, `from number ${i}`, 'inbound', { conversationId: null, from: `+1212555${String(1000 + i).padStart(4, '0')}` }))
    }
    const kept = store.getState().conversations
    expect(Object.keys(kept).length).toBeLessThanOrEqual(MAX_CONVERSATIONS + 50)
    expect(Object.keys(kept).length).toBeGreaterThanOrEqual(MAX_CONVERSATIONS)
    expect(kept.conv_a).toBeTruthy()
    // The newest senders stay; their texts and unread counts go with the ones let go.
    expect(Object.values(kept).some((c) => c.lastMessagePreview === `from number ${total - 1}`)).toBe(true)
    expect(Object.values(kept).some((c) => c.lastMessagePreview === 'from number 0')).toBe(false)
    expect(Object.keys(store.getState().threads).every((id) => kept[id])).toBe(true)
    expect(Object.keys(store.getState().unread).every((id) => kept[id])).toBe(true)
  })
})
