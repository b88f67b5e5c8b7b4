/**
 * A fake GitHub-release feed over real HTTP, in the format electron-builder publishes: the channel
 * file (`latest-linux.yml`, `latest-linux-arm64.yml`, …) naming a file with its sha512 and size, and
 * the file itself. Plus what electron-updater needs to run in Node: an app adapter (Electron's
 * `app`) and an HTTP executor on Node's http (Electron's `net`), the two Electron boundaries.
 */
import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { request, createServer, type ClientRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { RequestOptions } from 'node:http'
import { DebUpdater } from 'electron-updater'
import type { AppAdapter } from 'electron-updater/out/AppAdapter'
import { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor'

export interface FakeFeed {
  url: string
  /** Every request, as "METHOD /path". */
  requests: string[]
  /** What the next feed read offers. */
  publish(version: string, options?: { corrupt?: boolean }): void
  close(): Promise<void>
}

export async function startFakeFeed(): Promise<FakeFeed> {
  const files = new Map<string, Buffer>()
  let channel = ''
  const requests: string[] = []
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`)
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.slice(1))
    if (/^latest-linux(-\w+)?\.yml$/.test(name) && channel) return void res.writeHead(200, { 'content-type': 'text/yaml' }).end(channel)
    const file = files.get(name)
    if (!file) return void res.writeHead(404).end('not found')
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.length }).end(file)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    publish(version, options = {}) {
      const name = `Switchboard-${version}-amd64.deb`
      const body = randomBytes(256 * 1024)
      files.set(name, options.corrupt ? Buffer.concat([body.subarray(1), Buffer.from([0])]) : body)
      const sha512 = createHash('sha512').update(body).digest('base64')
      channel = [`version: ${version}`, 'files:', `  - url: ${name}`, `    sha512: ${sha512}`, `    size: ${body.length}`, `path: ${name}`, `sha512: ${sha512}`, "releaseDate: '2026-12-01T10:00:00.000Z'", ''].join('\n')
    },
    close: () => new Promise((resolve) => server.close(() => resolve()))
  }
}

/** electron-updater's own executor (downloads, redirects, checksums), on Node's http instead of Electron's net. */
class NodeHttpExecutor extends ElectronHttpExecutor {
  override createRequest(options: RequestOptions, callback: (response: unknown) => void): ReturnType<ElectronHttpExecutor['createRequest']> {
    // Node's ClientRequest has what the executor uses (on, end, abort); Electron's adds upload progress.
    return request(options, callback) as ClientRequest as unknown as ReturnType<ElectronHttpExecutor['createRequest']>
  }
}

/**
 * electron-updater's updater for a .deb install, as a packaged app at `version` would have it:
 * app-update.yml pointing at the feed (electron-builder writes it into the package), caches in a
 * temporary folder. Installing is the one thing not allowed to happen for real: `installs` counts.
 */
export function debUpdater(feedUrl: string, version: string): { updater: DebUpdater; installs: () => number } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-updater-'))
  const config = path.join(dir, 'app-update.yml')
  writeFileSync(config, `provider: generic\nurl: ${feedUrl}\nupdaterCacheDirName: switchboard-updater\n`)
  const adapter: AppAdapter = {
    version,
    name: 'Switchboard',
    isPackaged: true,
    appUpdateConfigPath: config,
    userDataPath: path.join(dir, 'userData'),
    baseCachePath: path.join(dir, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => {},
    quit: () => {},
    onQuit: () => {}
  }
  const updater = new DebUpdater(null, adapter)
  // Set where Electron's ElectronAppAdapter path would set it (electron-updater's own tests do the same).
  ;(updater as unknown as { httpExecutor: ElectronHttpExecutor }).httpExecutor = new NodeHttpExecutor()
  let installs = 0
  // quitAndInstall would run dpkg through sudo: count the request instead.
  updater.quitAndInstall = () => void installs++
  return { updater, installs: () => installs }
}
