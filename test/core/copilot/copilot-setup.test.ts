import { describe, expect, it } from 'vitest'
import { withCopilotKey, withCopilotOverrides } from '../../../src-main/core/copilot/copilot-env'
import { readCopilotSettings, resolveEndpoint } from '../../../src-main/core/copilot/copilot-settings'
import { TEST_TIMEOUT_MS } from '../../../src-main/core/copilot/test-endpoint'
import { memorySecrets, memoryStore } from '../../../src-main/core/ports'
import { copilotRig, MODEL_KEY, type Rig, useFakeModel } from './copilot-rig'
import type { FakeOpenAi } from './fake-openai'

const SIM = { baseURL: 'http://127.0.0.1:9/v1', apiKey: 'sk_sandbox_x' }

describe('where the copilot sends its requests', () => {
  it('uses the simulated model in sandbox mode when neither a key nor a base URL is set', () => {
    expect(resolveEndpoint({ baseUrl: '', model: '' }, undefined, SIM).endpoint).toMatchObject({ ...SIM, model: 'switchboard-simulated', label: 'simulated model', simulated: true })
  })

  it('in live mode asks for a key or a base URL instead', () => {
    expect(resolveEndpoint({ baseUrl: '', model: '' }, undefined, null)).toEqual({ endpoint: null, notice: expect.stringContaining('Settings › Copilot') })
  })

  it('goes to OpenAI with a key, and to a local server (no key needed) with a base URL', () => {
    expect(resolveEndpoint({ baseUrl: '', model: '' }, 'sk-1', SIM).endpoint).toMatchObject({ baseURL: 'https://api.openai.com/v1', apiKey: 'sk-1', model: 'gpt-4o-mini', simulated: false })
    expect(resolveEndpoint({ baseUrl: 'http://localhost:11434/v1', model: 'llama3.2' }, undefined, null).endpoint).toMatchObject({
      baseURL: 'http://localhost:11434/v1',
      model: 'llama3.2',
      label: 'llama3.2',
      apiKey: expect.any(String)
    })
  })

  it('is off by default, and a damaged stored field costs only that field', () => {
    expect(readCopilotSettings(memoryStore()).mode).toBe('off')
    expect(readCopilotSettings(memoryStore({ copilot: { mode: 'sometimes', model: 'llama3.2' } }))).toMatchObject({ mode: 'off', model: 'llama3.2' })
  })
})

describe('the headless shell: --copilot, OPENAI_BASE_URL, SWITCHBOARD_COPILOT_MODEL, OPENAI_API_KEY', () => {
  it('lays the command line over the saved settings without writing them, until the person saves', () => {
    const disk = memoryStore({ copilot: { mode: 'suggest', model: 'saved-model' } })
    const store = withCopilotOverrides(disk, { mode: 'autopilot', baseUrl: 'http://localhost:1234/v1', model: undefined })
    expect(readCopilotSettings(store)).toMatchObject({ mode: 'autopilot', baseUrl: 'http://localhost:1234/v1', model: 'saved-model' })
    expect(disk.get('copilot')).toEqual({ mode: 'suggest', model: 'saved-model' })
    store.set('copilot', { mode: 'off' })
    expect(readCopilotSettings(store).mode).toBe('off')
  })

  it('reads the key from OPENAI_API_KEY and never writes it to the store', () => {
    const file = memorySecrets({ apiKey: 'agentphone' })
    const secrets = withCopilotKey(file, ' sk-env ')
    expect([secrets.get('copilotApiKey'), secrets.get('apiKey')]).toEqual(['sk-env', 'agentphone'])
    expect(file.get('copilotApiKey')).toBeUndefined()
    expect(withCopilotKey(file, '')).toBe(file)
  })
})

let fake: FakeOpenAi
let rig: Rig | null = null
useFakeModel({ fresh: (f) => ((fake = f), (rig = null)), current: () => ({ fake, rig }) })

describe('Settings › Copilot: the Test button', () => {
  it('says it works, with the first words, when the server answers', async () => {
    rig = await copilotRig(fake)
    fake.next({ kind: 'answer', pieces: ['Hello ', 'there!'] })
    const result = await rig.copilot.test({})
    expect(result).toMatchObject({ ok: true, modelLabel: 'fake-model' })
    expect(result.detail).toMatch(/^It works: fake-model began answering in \d+ ms \("Hello "\)\.$/)
    expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${MODEL_KEY}`)
  })

  it('tries unsaved values without saving them', async () => {
    rig = await copilotRig(fake)
    await rig.copilot.test({ model: 'other-model', apiKey: 'sk-typed-not-saved' })
    expect(fake.requests[0]?.body.model).toBe('other-model')
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer sk-typed-not-saved')
    expect(rig.copilot.status()).toMatchObject({ model: 'fake-model', hasKey: true })
  })

  it.each([
    [{ kind: 'error' as const, status: 401, body: { error: { message: 'Incorrect API key provided.' } } }, 'The model server refused the key (401). Check the key in Settings › Copilot. It said: "Incorrect API key provided."'],
    [{ kind: 'error' as const, status: 404, body: { error: { message: 'model "llama9" not found, try pulling it first' } } }, 'The server does not know the model "fake-model" (404). Check the model name (for Ollama: pull it first). It said: "model "llama9" not found, try pulling it first"'],
    [{ kind: 'error' as const, status: 404, body: '404 page not found' }, 'Nothing answers at BASE/chat/completions (404). For Ollama, LM Studio and vLLM the base URL ends in /v1.']
  ])('says what went wrong in plain words (%#)', async (script, words) => {
    rig = await copilotRig(fake)
    fake.next(script)
    expect(await rig.copilot.test({})).toMatchObject({ ok: false, detail: words.replace('BASE', fake.baseURL) })
  })

  it('gives up after its timeout on a server that never answers', async () => {
    rig = await copilotRig(fake)
    fake.next({ kind: 'silent' })
    const pending = rig.copilot.test({})
    await fake.waitForRequests(1)
    rig.clock.advance(TEST_TIMEOUT_MS)
    expect(await pending).toMatchObject({ ok: false, detail: `No answer within 15 s from ${fake.baseURL}.` })
  })
})

describe('SMS drafts', () => {
  it('drafts a reply to each text that arrives, with the thread and the agent, streamed as copilot.smsDraft', async () => {
    rig = await copilotRig(fake, {}, { smsHistory: async () => [{ direction: 'outbound', body: 'Your table is booked.' }] })
    fake.next({ kind: 'answer', pieces: ['Yes, ', 'see you then!'] })
    const message = { id: 'msg_1', conversationId: 'conv_1', direction: 'inbound' as const, from: '+14155550123', to: '+14155550100', body: 'Still on for 8?', channel: 'sms', at: '2026-03-02T10:00:00Z', agentId: 'agt_1' }
    rig.copilot.observe({ event: 'message.received', data: message })
    await rig.until(() => rig!.of('copilot.smsDraft').at(-1)?.done === true, 'the SMS draft')
    expect(rig.of('copilot.smsDraft').map((d) => d.text)).toEqual(['Yes, ', 'Yes, see you then!', 'Yes, see you then!'])
    expect(rig.of('copilot.smsDraft').at(-1)).toMatchObject({ messageId: 'msg_1', conversationId: 'conv_1', from: '+14155550123', to: '+14155550100', modelLabel: 'fake-model' })
    expect(fake.requests[0]?.body.messages?.slice(1)).toEqual([
      { role: 'assistant', content: 'Your table is booked.' },
      { role: 'user', content: 'Still on for 8?' }
    ])
    expect(fake.requests[0]?.body.messages?.[0]?.content).toContain('text message from +14155550123')
    expect(fake.requests[0]?.body.tools).toBeUndefined()
  })
})
