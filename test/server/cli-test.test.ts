import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { parseXml, type XmlNode } from '../helpers/xml'
import { startWebhookServer, type Flaw, type WebhookServer } from '../helpers/webhook-servers'
import { buildCli } from './helpers/build-cli'

const SECRET = 'whsec_cli_tests'
const work = mkdtempSync(join(tmpdir(), 'switchboard-test-cli-'))
const dir = join(work, 'scenarios')
let cli = ''
let servers: WebhookServer[] = []

const ORDER = `name: order status
channel: voice
turns:
  - caller: "Where is my order 4521?"
    expect:
      replyMatches: "order"
      actions: [interim]
      forbiddenActions: [hangup]
      maxLatencyMs: 5000
  - caller: "Main menu please"
    expect: { actions: [interim, digits] }
  - caller: "Thanks, bye"
    expect: { actions: [interim, hangup] }
`
const FORGERIES = `name: forgeries
turns:
  - caller: "Hello"
  - fault: badSignature
    expect: { status: 401 }
  - fault: staleTimestamp
  - fault: malformedJson
`

beforeAll(async () => {
  cli = await buildCli(join(work, 'bin'))
  mkdirSync(join(dir, 'nested'), { recursive: true })
  writeFileSync(join(dir, 'order.yaml'), ORDER)
  writeFileSync(join(dir, 'nested', 'forgeries.yml'), FORGERIES)
  writeFileSync(join(dir, 'notes.txt'), 'not a scenario')
}, 60_000)
afterAll(() => rmSync(work, { recursive: true, force: true }))
afterEach(async () => {
  await Promise.all(servers.map((s) => s.stop()))
  servers = []
})

async function server(flaws: Flaw[] = []): Promise<string> {
  const s = await startWebhookServer({ secret: SECRET, flaws })
  servers.push(s)
  return s.url
}

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, AGENTPHONE_WEBHOOK_SECRET: SECRET } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

function junit(file: string): XmlNode {
  const doc = parseXml(readFileSync(file, 'utf8'))
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0)
  return doc
}

describe('switchboard test (a real child process)', () => {
  it('passes against a correct server: exit 0, a readable report, JUnit and JSON written', async () => {
    const out = join(work, 'pass')
    const r = await runCli(['test', dir, '--webhook-url', await server(), '--junit', join(out, 'junit.xml'), '--json', join(out, 'run.json')])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('PASS order status')
    expect(r.stdout).toContain('PASS forgeries')
    expect(r.stdout).toMatch(/2 of 2 scenarios passed · 0 of 9 steps failed · 0 warnings/)
    const doc = junit(join(out, 'junit.xml'))
    const suites = [...doc.getElementsByTagName('testsuite')]
    // Files in path order: nested/forgeries.yml before order.yaml; each step and the call_ended is a test case.
    expect(suites.map((s) => [s.getAttribute('name'), s.getAttribute('tests'), s.getAttribute('failures')])).toEqual([
      ['forgeries', '5', '0'],
      ['order status', '4', '0']
    ])
    expect(doc.getElementsByTagName('failure')).toHaveLength(0)
    const json = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { passed: boolean; scenarios: unknown[] }
    expect(json.passed).toBe(true)
    expect(json.scenarios).toHaveLength(2)
  })

  it('fails against a broken server: exit 1, each failed expectation and warning in the JUnit file', async () => {
    const file = join(work, 'fail', 'junit.xml')
    const r = await runCli(['test', dir, '--webhook-url', await server(['acceptsForgeries', 'forgetsHangup', 'digitsWithAlias']), '--junit', file])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('FAIL order status')
    expect(r.stdout).toContain('✗ actions: expected hangup, interim, got interim')
    const doc = junit(file)
    const failures = [...doc.getElementsByTagName('failure')].map((f) => `${f.parentNode!.getAttribute('name')} | ${f.getAttribute('message')}`)
    expect(failures).toEqual([
      'step 2: fault badSignature | status: expected 401, got 200',
      'step 3: fault staleTimestamp | status: expected 4xx, got 200',
      'step 3: "Thanks, bye" | actions: expected hangup, interim, got interim'
    ])
    const out = [...doc.getElementsByTagName('system-out')].map((n) => n.textContent ?? '').join('\n')
    expect(out).toContain('WARNING digits_with_alias: `digits` was sent together with `press_digit` or `dtmf`')
    const menu = [...doc.getElementsByTagName('testcase')].find((t) => t.getAttribute('name') === 'step 2: "Main menu please"')!
    expect(menu.getAttribute('line')).toBe('10')
    expect(menu.getAttribute('file')).toBe(join(dir, 'order.yaml'))
  })

  it('--strict fails a run whose only problem is a warning', async () => {
    const url = await server(['digitsWithAlias'])
    const menu = join(work, 'menu.yaml')
    writeFileSync(menu, 'name: menu\nturns:\n  - caller: "menu"\n')
    expect((await runCli(['test', menu, '--webhook-url', url])).code).toBe(0)
    expect((await runCli(['test', menu, '--webhook-url', url, '--strict'])).code).toBe(1)
  })

  it('refuses invalid scenario files with exit 3, naming each file and line, and plays nothing', async () => {
    const bad = join(work, 'bad')
    mkdirSync(bad, { recursive: true })
    writeFileSync(join(bad, 'a.yaml'), 'name: a\nturns:\n  - caller: hi\n    expect: { replyMatch: x }\n')
    writeFileSync(join(bad, 'b.yaml'), 'name: b\nturns:\n  - fault: slowLoris\n')
    const url = await server()
    const r = await runCli(['test', bad, join(work, 'missing.yaml'), '--webhook-url', url])
    expect(r.code).toBe(3)
    expect(r.stderr).toContain(`${join(bad, 'a.yaml')}:4:15: unknown key "replyMatch" in turns[1].expect`)
    expect(r.stderr).toMatch(new RegExp(`${join(bad, 'b.yaml').replace(/[.]/g, '\\.')}:3:12: turns\\[1\\]\\.fault`))
    expect(r.stderr).toContain(`${join(work, 'missing.yaml')}: no such file or folder`)
    expect(r.stdout).toBe('')
    expect(servers[0]!.seen).toHaveLength(0)
  })

  it('answers a bad command line with exit 2 and the usage', async () => {
    const r = await runCli(['test', dir])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('test needs --webhook-url')
    expect(r.stderr).toContain('switchboard test FILES_OR_DIRS')
  })

  it('compares with a baseline: a changed reply fails the run', async () => {
    const base = join(work, 'baseline.json')
    const order = join(dir, 'order.yaml')
    expect((await runCli(['test', order, '--webhook-url', await server(), '--json', base])).code).toBe(0)
    // Latency is not what this checks (a loaded machine can be 20 × slower): the same replies pass.
    const same = await runCli(['test', order, '--webhook-url', await server(), '--baseline', base, '--max-latency-increase', '100000'])
    expect(same.code).toBe(0)
    const changed = await runCli(['test', order, '--webhook-url', await server(['digitsWithAlias', 'forgetsHangup']), '--baseline', base])
    expect(changed.code).toBe(1)
    expect(changed.stdout).toContain('✗ baseline actions: expected hangup, interim, got interim')
  })
})
