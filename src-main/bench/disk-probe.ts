import { mkdtemp, open, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { percentile } from './report'

/**
 * The floor under every durable acknowledgement: one small append plus fdatasync on this disk,
 * timed alone. A voice turn's interim line cannot come sooner than this, so the bench prints it
 * next to the turn latencies.
 */
export async function probeDisk(samples = 300): Promise<{ p50: number; p99: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-disk-'))
  const file = await open(join(dir, 'probe'), 'a')
  const line = Buffer.alloc(900, 'x')
  const times: number[] = []
  try {
    for (let i = 0; i < samples; i++) {
      const started = performance.now()
      await file.write(line)
      await file.datasync()
      times.push(performance.now() - started)
      await new Promise((resolve) => setTimeout(resolve, 1))
    }
  } finally {
    await file.close()
    await rm(dir, { recursive: true, force: true })
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99) }
}
