import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { summaryOf } from '../../src-renderer/store/webhooks-slice'
import { describe, expect, it } from 'vitest'
import type { CommandParams, RunResult, StepResult } from '../../src-preload/contract'
import { fakeBridge, makeCall } from './helpers/fake-bridge'
import type { FakeBridge } from './helpers/fake-bridge'
import { renderApp } from './helpers/render-app'
import { makeDelivery } from './helpers/webhooks-fixtures'

function step(over: Partial<StepResult> = {}): StepResult {
  return {
    index: 0,
    label: 'step 1: "Where is my order?"',
    line: 4,
    caller: 'Where is my order?',
    fault: null,
    request: { event: 'agent.message', channel: 'voice', webhookId: 'whd_1', headers: {}, body: '{"event":"agent.message"}' },
    response: { status: 200, contentType: 'application/x-ndjson', firstByteMs: 3, latencyMs: 42, lines: [{ atMs: 42, raw: '{"text":"Order ships"}', spoken: true, text: 'Order ships', interim: false, hangup: false }], body: '', error: null },
    reply: 'Order ships',
    actions: [],
    checks: [{ name: 'replyMatches', passed: true, expected: '/order/i', actual: '"Order ships"' }],
    warnings: [],
    passed: true,
    ...over
  }
}

const run = (steps: StepResult[]): RunResult => ({
  webhookUrl: 'http://127.0.0.1:3000/webhook',
  startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 50,
  passed: steps.every((s) => s.passed),
  scenarios: [{ name: 'x', file: null, channel: 'voice', startedAt: '2026-01-01T00:00:00.000Z', durationMs: 50, steps, passed: steps.every((s) => s.passed) }]
})

async function openScenarios(bridge: FakeBridge = fakeBridge()) {
  const app = await renderApp(bridge)
  await app.user.click(screen.getByRole('button', { name: 'Scenarios' }))
  await screen.findByRole('heading', { name: 'Scenarios' })
  return app
}

describe('Scenarios view', () => {
  it('shows the core\'s problems at their lines, marks the gutter, and selects the line when a problem is chosen', async () => {
    const bridge = fakeBridge({
      'scenarios.list': () => ({ items: [] }),
      'scenarios.validate': (p: CommandParams<'scenarios.validate'>) =>
        p.text.includes('replyMatch:')
          ? { problems: [{ file: null, line: 3, column: 5, message: 'unknown key "replyMatch" in turns[1].expect' }], name: null, steps: 0 }
          : { problems: [], name: 'a', steps: 1 }
    })
    await openScenarios(bridge)
    const box = screen.getByLabelText<HTMLTextAreaElement>('Scenario (YAML)')
    fireEvent.change(box, { target: { value: 'name: a\nturns:\n  - replyMatch: x\n' } })
    const problem = await screen.findByRole('button', { name: /Line 3:5: unknown key "replyMatch"/ }, { timeout: 2000 })
    expect(box.getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByRole('button', { name: 'Run' })).toHaveProperty('disabled', true)
    fireEvent.click(problem)
    expect(box.value.slice(box.selectionStart, box.selectionEnd)).toBe('  - replyMatch: x')
  })

  it('runs against a URL and shows each step live: sending, then its answer, latency and checks', async () => {
    const bridge = fakeBridge({ 'scenarios.list': () => ({ items: [] }), 'scenarios.run': () => ({ runId: 'run_1' }) })
    const app = await openScenarios(bridge)
    await app.user.type(screen.getByLabelText('Webhook URL'), 'http://127.0.0.1:3000/webhook')
    await app.user.click(screen.getByRole('button', { name: 'Run' }))
    expect(bridge.invokes.find((i) => i.method === 'scenarios.run')?.params).toMatchObject({ webhookUrl: 'http://127.0.0.1:3000/webhook' })
    const s = step()
    app.emit('scenario.step', { runId: 'run_1', scenario: 'x', index: 0, phase: 'sent', label: s.label, request: s.request, result: null })
    const steps = screen.getByRole('list', { name: 'Steps' })
    expect(within(steps).getByText('waiting for the answer…')).toBeTruthy()
    const failed = step({ passed: false, checks: [{ name: 'maxLatencyMs', passed: false, expected: '≤ 10 ms', actual: '42 ms' }], warnings: [{ code: 'no_final_line', message: 'the NDJSON stream ended with only interim lines' }] })
    app.emit('scenario.step', { runId: 'run_1', scenario: 'x', index: 0, phase: 'done', label: s.label, request: s.request, result: failed })
    expect(within(steps).getByText('failed')).toBeTruthy()
    expect(within(steps).getByText('42 ms')).toBeTruthy()
    expect(within(steps).getByText(/failed: expected ≤ 10 ms, got 42 ms/)).toBeTruthy()
    expect(within(steps).getByText(/Warning: the NDJSON stream ended/)).toBeTruthy()
    app.emit('scenario.finished', { runId: 'run_1', result: run([failed]), error: null })
    expect(screen.getByText('Failed: 1 step failed')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Save as baseline' })).toHaveProperty('disabled', false)
  })

  it('saves, lists and reopens a scenario; a saved baseline is used by the next run', async () => {
    const items = [{ name: 'order-check', file: '/d/scenarios/order-check.yaml', modifiedAt: '2026-01-01T00:00:00.000Z', hasBaseline: true }]
    const bridge = fakeBridge({
      'scenarios.list': () => ({ items }),
      'scenarios.save': (p) => ({ ...items[0]!, name: p.name }),
      'scenarios.read': () => ({ name: 'order-check', text: 'name: order check\nturns:\n  - caller: hi\n' }),
      'scenarios.validate': () => ({ problems: [], name: 'order check', steps: 1 }),
      'scenarios.run': () => ({ runId: 'run_2' })
    })
    const app = await openScenarios(bridge)
    const saved = screen.getByRole('navigation', { name: 'Saved scenarios' })
    await app.user.click(within(saved).getByRole('button', { name: /^order-check/ }))
    await waitFor(() => expect(screen.getByLabelText<HTMLTextAreaElement>('Scenario (YAML)').value).toContain('name: order check'))
    expect(screen.getByLabelText<HTMLInputElement>('Name to save as').value).toBe('order-check')
    await app.user.click(screen.getByRole('button', { name: 'Save' }))
    expect(bridge.invokes.find((i) => i.method === 'scenarios.save')?.params).toEqual({ name: 'order-check', text: 'name: order check\nturns:\n  - caller: hi\n' })
    await app.user.type(screen.getByLabelText('Webhook URL'), 'http://h/webhook')
    await app.user.click(screen.getByRole('button', { name: 'Run' }))
    expect(bridge.invokes.find((i) => i.method === 'scenarios.run')?.params).toMatchObject({ baselineOf: 'order-check' })
  })

  it('imports a file the person picks', async () => {
    const bridge = fakeBridge({ 'scenarios.list': () => ({ items: [] }), 'scenarios.validate': () => ({ problems: [], name: 'b', steps: 1 }) })
    await openScenarios(bridge)
    const file = new File(['name: imported\nturns:\n  - caller: hi\n'], 'imported-one.yaml', { type: 'text/yaml' })
    Object.defineProperty(file, 'text', { value: async () => 'name: imported\nturns:\n  - caller: hi\n' })
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Import a scenario file'), { target: { files: [file] } })
    })
    await waitFor(() => expect(screen.getByLabelText<HTMLTextAreaElement>('Scenario (YAML)').value).toContain('name: imported'))
    expect(screen.getByLabelText<HTMLInputElement>('Name to save as').value).toBe('imported-one')
  })
})

describe('Save as scenario (Call view)', () => {
  it('is refused while the call is live, and opens the Scenarios view on the call\'s scenario once it ended', async () => {
    const call = makeCall({ from: '+14155550188' })
    const bridge = fakeBridge({
      'scenarios.fromCall': () => ({ name: 'call from +14155550188', text: 'name: "call from +14155550188"\nturns:\n  - caller: "hello"\n' }),
      'scenarios.list': () => ({ items: [] })
    })
    const app = await renderApp(bridge)
    app.emit('call.started', call)
    await app.user.click(screen.getByRole('option'))
    const button = screen.getByRole('button', { name: 'Save as scenario' })
    await app.user.click(button)
    expect(bridge.methods()).not.toContain('scenarios.fromCall')
    app.emit('call.ended', { ...call, status: 'completed', endedAt: new Date().toISOString() })
    await app.user.click(screen.getByRole('button', { name: 'Save as scenario' }))
    await screen.findByRole('heading', { name: 'Scenarios' })
    expect(screen.getByLabelText<HTMLTextAreaElement>('Scenario (YAML)').value).toContain('  - caller: "hello"')
    expect(bridge.invokes.find((i) => i.method === 'scenarios.fromCall')?.params).toEqual({ callId: call.id })
  })
})

describe('Edit and resend (Inspector)', () => {
  it('sends the edited body to the URL given and shows the answer', async () => {
    const d = makeDelivery({ body: '{"event":"agent.message","channel":"sms","data":{"message":"hi"}}' })
    const bridge = fakeBridge({
      'webhooks.deliveries': () => ({ items: [summaryOf(d)], total: 1 }),
      'webhooks.delivery': () => d,
      'webhooks.resend': (p) => ({ url: p.url ?? 'receiver', webhookId: 'whd_new', status: 202, latencyMs: 7, error: null, body: '', lines: [] })
    })
    const app = await renderApp(bridge)
    await app.user.click(screen.getByRole('button', { name: 'Webhooks' }))
    await app.user.click(within(await screen.findByRole('listbox', { name: 'Deliveries' })).getAllByRole('option')[0]!)
    await screen.findByLabelText('Body') // fetched when the delivery is opened
    await app.user.click(screen.getByRole('button', { name: 'Edit and resend' }))
    const form = screen.getByRole('form', { name: 'Edit and resend' })
    const body = within(form).getByLabelText<HTMLTextAreaElement>(/Body/)
    fireEvent.change(body, { target: { value: body.value.replace('"hi"', '"changed"') } })
    await app.user.type(within(form).getByLabelText(/Send to/), 'http://127.0.0.1:3000/webhook')
    await app.user.click(within(form).getByRole('button', { name: 'Send signed' }))
    const sent = bridge.invokes.find((i) => i.method === 'webhooks.resend')?.params as CommandParams<'webhooks.resend'>
    expect(sent.deliveryId).toBe(d.id)
    expect(JSON.parse(sent.body).data.message).toBe('changed')
    expect(sent.url).toBe('http://127.0.0.1:3000/webhook')
    expect(await within(form).findByRole('status')).toHaveProperty('textContent', expect.stringContaining('Answered OK (202) · 7 ms'))
  })
})
