import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { CONCURRENCY, measureApp, profileApp } from './app-bench'
import { runBaselineServer } from './baseline-servers'
import { runBridgeReaders } from './bridge-readers'
import { measureCopilot, printCopilot } from './copilot-overhead'
import { printProfile, readProfile } from './cpu-profile'
import { probeDisk } from './disk-probe'
import { runLoadClient } from './load-client'
import { printMemory, printThroughput, printTurns } from './report'
import { measureFlood } from './ui-flood'
import { printFlood } from './ui-flood-report'

/**
 * `npm run bench`: the app as it runs (see app-bench.ts) against a bare `node:http` server and the
 * vendor's Express example, the first NDJSON line with 200 voice turns open, memory over 100,000
 * events with five clients reading, the console in Chromium under a flood of texts (ui-flood.ts),
 * and the copilot's overhead. `-- --profile` instead runs the
 * shell under `node --cpu-prof` and says where its time goes (`--clients N`, default 1; `--turns`: the voice turns instead of the SMS load); `-- --copilot-only` runs just the
 * copilot part, `-- --flood-only` just the flood, `-- --app-only` neither of those two. The same script, forked, plays the load generator, the bridge clients and the
 * baseline servers (`--load-client`, `--bridge-readers`, `--baseline bare|express`).
 */
const load = (): string => loadavg().map((l) => l.toFixed(1)).join(' / ')

async function main(): Promise<void> {
  console.log(`Switchboard bench — node ${process.version}, ${cpus().length} cores, ${CONCURRENCY} keep-alive connections, load from a separate process`)
  console.log(`load average at start ${load()} (1 / 5 / 15 min)\n`)
  const disk = await probeDisk()
  const app = await measureApp()
  printThroughput(app)
  printTurns(app, disk)
  printMemory(app)
  console.log(`\nload average after the app's part ${load()}`)
  if (process.argv.includes('--app-only')) return
  printFlood(await measureFlood())
  printCopilot(await measureCopilot())
}

async function profile(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-cpu-prof-'))
  const readers = argv.includes('--clients') ? Number(roleArg('--clients')) : 1
  console.log(`Profiling switchboard serve (live, ${readers} bridge clients, signed 1.4 KB SMS from ${CONCURRENCY} connections); load average ${load()}`)
  const turns = argv.includes('--turns')
  const figure = await profileApp(dir, readers, 8, turns)
  const file = (await readdir(dir)).find((f) => f.endsWith('.cpuprofile')) ?? '?'
  if (turns) console.log(`  voice turns at 1, 50 and 200 open: p99 at 200 open ${figure.toFixed(2)} ms while profiled`)
  else console.log(`  ${figure.toFixed(0)} accepted deliveries/s while profiled (the profiler itself costs some)`)
  printProfile(await readProfile(dir), join(dir, file))
  if (!process.argv.includes('--keep-profile')) await rm(dir, { recursive: true, force: true })
}

const fail = (error: unknown): void => {
  console.error(error)
  process.exit(1)
}
const argv = process.argv
const roleArg = (name: string): string => argv[argv.indexOf(name) + 1] ?? ''

if (argv.includes('--load-client')) runLoadClient()
else if (argv.includes('--bridge-readers')) runBridgeReaders()
else if (argv.includes('--baseline')) runBaselineServer(roleArg('--baseline'), roleArg('--secret')).catch(fail)
else if (argv.includes('--copilot-only')) measureCopilot().then(printCopilot, fail)
else if (argv.includes('--flood-only')) measureFlood().then(printFlood, fail)
else if (argv.includes('--profile')) profile().catch(fail)
else main().catch(fail)
