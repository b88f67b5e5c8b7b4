import { screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { Conversation } from '../../src-preload/contract'
import { VIRTUALIZE_CONVERSATIONS_FROM } from '../../src-renderer/views/messages/ConversationList'
import { CONV_B, messagingBridge } from './helpers/messages-fixtures'
import { useFakeLayout } from './helpers/fake-layout'
import { renderApp } from './helpers/render-app'

vi.setConfig({ testTimeout: 20_000 })

describe('Messages with many conversations', () => {
  useFakeLayout(440)

  it('renders only the visible rows of a long list, newest first, and Enter opens the highlighted one', async () => {
    const total = VIRTUALIZE_CONVERSATIONS_FROM + 140
    const many: Conversation[] = Array.from({ length: total }, (_, i) => ({
      ...CONV_B,
      id: `conv_${i}`,
      participant: `+1212555${String(1000 + i).slice(-4)}`,
      lastMessageAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
      lastMessagePreview: `text ${i}`
    }))
    const bridge = messagingBridge()
    bridge.respond('conversations.list', () => ({ items: many, total }))
    const { user } = await renderApp(bridge)
    await user.click(screen.getByRole('button', { name: /^Messages/ }))
    const list = await screen.findByRole('listbox', { name: 'Conversations' })
    const rows = within(list).getAllByRole('option')
    expect(rows.length).toBeGreaterThan(3)
    expect(rows.length).toBeLessThan(30)
    expect(rows[0]?.textContent).toContain(`text ${total - 1}`)

    list.focus()
    await user.keyboard('{ArrowDown}{Enter}')
    expect(bridge.invokes.at(-1)).toEqual({ method: 'conversations.get', params: { conversationId: `conv_${total - 2}` } })
  })
})
