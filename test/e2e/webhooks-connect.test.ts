import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTunnel } from '../helpers/tunnel-proxy'
import { launchChromium } from './helpers/browser'
import { startServe, type ServeHandle } from './helpers/serve'

const SHOTS = path.resolve('test-output/screenshots')
const API_KEY = 'sk_e2e_webhooks_connect_0001'

let sim: ChildProcess
let serve: ServeHandle
let tunnel: Awaited<ReturnType<typeof startTunnel>>
let browser: Browser
let page: Page

/** `switchboard sim` on a free port: the stand-in for AgentPhone that live mode talks to. */
async function startSim(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [path.resolve('out/main/cli.js'), 'sim', '--port', '0', '--api-key', API_KEY], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sim did not get ready:\n${stderr}`)), 30_000)
    readline.createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer)
      resolve((JSON.parse(line) as { simulator: string }).simulator)
    })
    child.once('exit', (code) => reject(new Error(`sim exited with ${code}:\n${stderr}`)))
  })
  return { child, url }
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  const started = await startSim()
  sim = started.child
  serve = await startServe(['--base-url', started.url], { AGENTPHONE_API_KEY: API_KEY })
  tunnel = await startTunnel(serve.ready.receiver)
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  await page.goto(serve.ready.ui)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Webhooks' }).click()
})

afterAll(async () => {
  await browser?.close()
  await tunnel?.close()
  expect(await serve?.stop()).toBe(0)
  sim?.kill('SIGTERM')
})

const receiverPort = (): string => new URL(serve.ready.receiver).port

/** Types the URL, connects, and answers the outcome the panel shows (with its text). */
async function connect(p: Page, url: string): Promise<{ outcome: string | null; text: string }> {
  const field = p.getByLabel('Tunnel URL')
  await field.fill(url)
  await p.getByRole('button', { name: 'Connect', exact: true }).click()
  // The previous result goes away at once; wait for the new one (not_arrived takes ~8 s).
  const result = p.getByRole('status', { name: 'Connection result' })
  await result.waitFor({ timeout: 20_000 })
  return { outcome: await result.getAttribute('data-outcome'), text: (await result.textContent()) ?? '' }
}

describe('connecting a tunnel in live mode (against `switchboard sim`)', () => {
  it('proves the round trip through a forwarding tunnel', async () => {
    await page.getByRole('heading', { name: 'Connect your tunnel' }).waitFor()
    const { outcome, text } = await connect(page, tunnel.url)
    expect(outcome).toBe('verified')
    expect(text).toContain('Verified: deliveries reach Switchboard')
    // The registration card now shows the URL as Switchboard's own.
    await page.getByText("Switchboard's", { exact: true }).waitFor()
    await page.screenshot({ path: path.join(SHOTS, 'webhooks-connect-verified.png') })
  })

  it('diagnoses a proxy that rewrites the body as a signature problem', async () => {
    tunnel.setMode('rewrite')
    const { outcome, text } = await connect(page, tunnel.url)
    expect(outcome).toBe('bad_signature')
    expect(text).toContain('signature did not verify')
    expect(text).toMatch(/rewrote the body/)
  })

  it('says the delivery did not arrive, naming the receiver port, when the tunnel forwards nothing', async () => {
    tunnel.setMode('drop')
    const { outcome, text } = await connect(page, tunnel.url)
    expect(outcome).toBe('not_arrived')
    expect(text).toContain(`forwards to port ${receiverPort()} on this computer`)
    await page.screenshot({ path: path.join(SHOTS, 'webhooks-connect-not-arrived.png') })
  })

  it("shows the API's own refusal for a URL it will not take", async () => {
    tunnel.setMode('forward')
    const { outcome, text } = await connect(page, 'ftp://files.example.com')
    expect(outcome).toBe('api_refused')
    expect(text).toContain('AgentPhone refused the registration')
    expect(text).toMatch(/http\(s\)/)
    // What was typed is still there to correct.
    expect(await page.getByLabel('Tunnel URL').inputValue()).toBe('ftp://files.example.com')
  })
})
