import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * Reads the `.cpuprofile` that `node --cpu-prof` wrote for the shell and says where the busy time
 * went: by area (the bridge's WebSocket library, the app's own code, Node's internals, GC) and by
 * function, self time and time including callees. Idle time is left out of every share.
 */
interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

export interface ProfileSummary {
  busyMs: number
  totalMs: number
  areas: Array<{ name: string; ms: number }>
  self: Array<{ name: string; ms: number }>
  inclusive: Array<{ name: string; ms: number }>
}

function area(node: ProfileNode): string {
  const { functionName: fn, url } = node.callFrame
  if (fn === '(garbage collector)') return 'garbage collection'
  if (fn === '(program)') return 'native (V8/libuv, not attributed)'
  if (url.includes('node_modules/ws/')) return 'ws (WebSocket frames)'
  if (url.includes('node_modules/pino') || url.includes('thread-stream') || url.includes('sonic-boom')) return 'logging (pino)'
  if (url.includes('node_modules/zod')) return 'zod'
  if (url.includes('node_modules/')) return 'other libraries'
  if (url.startsWith('node:')) return 'Node internals (http, net, fs, crypto)'
  if (url === '') return fn.startsWith('(') ? 'other' : 'native builtins (JSON, crypto, string ops)'
  return 'Switchboard code'
}

const nameOf = (n: ProfileNode): string => {
  const { functionName, url, lineNumber } = n.callFrame
  const file = url.split('/').slice(-1)[0] ?? ''
  return `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`
}

function top(map: Map<string, number>, n: number): Array<{ name: string; ms: number }> {
  return [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, us]) => ({ name, ms: us / 1000 }))
}

export function summariseProfile(profile: Profile, rows = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const selfUs = new Map<number, number>()
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))
  const idle = [...byId.values()].filter((n) => n.callFrame.functionName === '(idle)').reduce((sum, n) => sum + (selfUs.get(n.id) ?? 0), 0)
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0)

  const areas = new Map<string, number>()
  const self = new Map<string, number>()
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!
    if (node.callFrame.functionName === '(idle)') continue
    areas.set(area(node), (areas.get(area(node)) ?? 0) + us)
    self.set(nameOf(node), (self.get(nameOf(node)) ?? 0) + us)
  }

  // Time including callees, each function counted once per stack (recursion is not double-counted).
  const inclusive = new Map<string, number>()
  const root = profile.nodes[0]
  const walk = (node: ProfileNode, onStack: Set<string>): number => {
    let us = selfUs.get(node.id) ?? 0
    const name = nameOf(node)
    const fresh = !onStack.has(name)
    if (fresh) onStack.add(name)
    for (const child of node.children ?? []) us += walk(byId.get(child)!, onStack)
    if (fresh) {
      onStack.delete(name)
      if (!node.callFrame.functionName.startsWith('(')) inclusive.set(name, (inclusive.get(name) ?? 0) + us)
    }
    return us
  }
  if (root) walk(root, new Set())

  return { busyMs: (total - idle) / 1000, totalMs: total / 1000, areas: top(areas, 20), self: top(self, rows), inclusive: top(inclusive, rows) }
}

/** The newest profile in `dir`, summarised. */
export async function readProfile(dir: string): Promise<ProfileSummary> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile')).sort()
  const newest = files.at(-1)
  if (!newest) throw new Error(`no .cpuprofile in ${dir}`)
  return summariseProfile(JSON.parse(await readFile(join(dir, newest), 'utf8')) as Profile)
}

export function printProfile(p: ProfileSummary, file: string): void {
  const share = (ms: number): string => `${((100 * ms) / p.busyMs).toFixed(1).padStart(5)} %`
  console.log(`\nCPU profile of the shell (${file}): busy ${(p.busyMs / 1000).toFixed(1)} s of ${(p.totalMs / 1000).toFixed(1)} s`)
  console.log('  by area (self time):')
  for (const a of p.areas) console.log(`    ${a.name.padEnd(48)} ${share(a.ms)}`)
  console.log('  heaviest functions, self time:')
  for (const f of p.self) console.log(`    ${f.name.slice(0, 70).padEnd(72)} ${share(f.ms)}`)
  console.log('  heaviest functions, including what they call:')
  for (const f of p.inclusive) console.log(`    ${f.name.slice(0, 70).padEnd(72)} ${share(f.ms)}`)
}
