import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { BridgeDriver } from './helpers/bridge-driver'
import { SHOTS, useApp } from './helpers/app'

let driver: BridgeDriver
let page: Page

useApp((app) => {
  page = app.page
  driver = app.driver!
}, { viewport: { width: 1024, height: 700 }, driver: true })

describe('a hosted-mode agent in the sandbox', () => {
  it('shows the simulated hosted agent’s replies live in the Call view, and End call ends it', async () => {
    const agent = await driver.call<{ id: string }>('agents.create', {
      name: 'Front Desk (hosted)',
      voiceMode: 'hosted',
      systemPrompt: 'You are the front desk of a small hotel. Be brief.',
      beginMessage: 'Hello, front desk here.'
    })
    const number = await driver.call<{ phoneNumber: string }>('numbers.buy', { agentId: agent.id })
    const { callId } = await driver.call<{ callId: string }>('sandbox.dial', { to: number.phoneNumber })

    const row = page.getByRole('listbox', { name: 'Live calls' }).getByRole('option', { name: /agent Front Desk \(hosted\)/ })
    await row.waitFor()
    await row.getByText('AI answers (simulated)').waitFor()
    await row.click()

    await driver.call('sandbox.say', { callId, text: 'Do you have a room for tonight?' })
    const log = page.getByRole('log', { name: 'Transcript' })
    await log.getByText('Do you have a room for tonight?', { exact: true }).waitFor()
    // The stand-in's answer to that line (it quotes what it heard) arrives over the transcript stream.
    const reply = await driver.waitFor(
      'transcript.turn',
      (d) => d.callId === callId && d.speaker === 'agent' && d.source === 'hosted' && String(d.text).includes('room for tonight')
    )
    const line = log.getByRole('listitem').filter({ hasText: String(reply.text) })
    await line.first().waitFor()
    expect(await line.first().locator('.tag').allTextContents()).toContain('AI (simulated)')
    // Nothing to answer on a hosted call: no reply box, and the header says who speaks.
    expect(await page.getByLabel('Reply to caller').count()).toBe(0)
    await page.screenshot({ path: path.join(SHOTS, 'call-view-hosted.png') })

    // Ending cannot be undone: it asks, and Cancel leaves the call as it is.
    await page.getByRole('button', { name: 'End call' }).click()
    const ask = page.getByRole('alertdialog', { name: 'End this call?' })
    await ask.getByRole('button', { name: 'Cancel' }).click()
    await page.getByRole('button', { name: 'End call' }).press('Alt+e')
    await page.getByRole('alertdialog', { name: 'End this call?' }).getByRole('button', { name: 'End call' }).click()
    const ended = await driver.waitFor('call.ended', (d) => d.id === callId)
    expect(ended.status).toBe('completed')
    expect(driver.events.filter((e) => e.event === 'call.ended' && e.data.id === callId)).toHaveLength(1)
    await page.getByRole('main').getByText('Ended by you').first().waitFor()
    expect(await page.getByRole('button', { name: 'End call' }).isDisabled()).toBe(true)
  })
})
