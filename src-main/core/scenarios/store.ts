/**
 * Saved scenarios: one YAML file each in `<data folder>/scenarios`, and beside it the baseline run
 * (`<name>.baseline.json`) once the person saves one. Names become file names, so they are checked.
 */
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { RunResult, SavedScenario } from '../../../src-preload/scenario-payloads'
import { CoreError } from '../errors'
import { parseBaseline } from './baseline'

/** A file name from a scenario name: lower case, dashes, nothing that could leave the folder. */
export function fileStem(name: string): string {
  const stem = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
  if (!stem) throw new CoreError('invalid_params', 'A scenario name needs at least one letter or digit.')
  return stem
}

export class ScenarioStore {
  constructor(private readonly dir: string) {}

  private file(name: string): string {
    return path.join(this.dir, `${fileStem(name)}.yaml`)
  }

  private baselineFile(name: string): string {
    return path.join(this.dir, `${fileStem(name)}.baseline.json`)
  }

  async list(): Promise<SavedScenario[]> {
    let names: string[]
    try {
      names = await readdir(this.dir)
    } catch {
      return []
    }
    const out: SavedScenario[] = []
    for (const f of names.filter((n) => n.endsWith('.yaml')).sort()) {
      const stem = f.slice(0, -'.yaml'.length)
      const info = await stat(path.join(this.dir, f))
      out.push({ name: stem, file: path.join(this.dir, f), modifiedAt: info.mtime.toISOString(), hasBaseline: names.includes(`${stem}.baseline.json`) })
    }
    return out
  }

  async read(name: string): Promise<string> {
    try {
      return await readFile(this.file(name), 'utf8')
    } catch {
      throw new CoreError('not_found', `There is no saved scenario "${name}".`)
    }
  }

  async save(name: string, text: string): Promise<SavedScenario> {
    await mkdir(this.dir, { recursive: true })
    const file = this.file(name)
    await writeFile(file, text)
    const stem = fileStem(name)
    return { name: stem, file, modifiedAt: new Date().toISOString(), hasBaseline: await this.hasBaseline(name) }
  }

  async remove(name: string): Promise<void> {
    await rm(this.file(name), { force: true })
    await rm(this.baselineFile(name), { force: true })
  }

  async saveBaseline(name: string, run: RunResult): Promise<void> {
    await mkdir(this.dir, { recursive: true })
    await writeFile(this.baselineFile(name), `${JSON.stringify(run, null, 2)}\n`)
  }

  async baseline(name: string): Promise<RunResult | null> {
    try {
      return parseBaseline(await readFile(this.baselineFile(name), 'utf8'))
    } catch {
      return null
    }
  }

  private async hasBaseline(name: string): Promise<boolean> {
    return (await this.baseline(name)) !== null
  }
}
