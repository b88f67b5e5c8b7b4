/**
 * The GitHub Actions workflows: linted with action-validator (GitHub's workflow schema plus its
 * own checks, compiled to WebAssembly) and read with `yaml` for what the issue asks of them.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { validateWorkflow } from '@action-validator/core'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { SIGNING_VARIABLES } from '../../src-main/build/signing-env.mjs'

const DIR = '.github/workflows'
const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f))

interface Step {
  name?: string
  uses?: string
  run?: string
  if?: string
  env?: Record<string, string>
  shell?: string
}
interface Job {
  'runs-on': string
  container?: string
  needs?: string | string[]
  strategy?: { matrix: { os: string[] } }
  steps: Step[]
}
interface Workflow {
  on: Record<string, unknown>
  permissions: Record<string, string>
  jobs: Record<string, Job>
}

const read = (file: string): Workflow => parse(readFileSync(path.join(DIR, file), 'utf8')) as Workflow
const steps = (workflow: Workflow): Step[] => Object.values(workflow.jobs).flatMap((job) => job.steps)

describe('workflows', () => {
  it.each(files)('%s passes the workflow lint', (file) => {
    const result = validateWorkflow(readFileSync(path.join(DIR, file), 'utf8'))
    expect(result.errors).toEqual([])
  })

  it('the lint bites: a misspelt key or a job without a runner is refused', () => {
    const ci = readFileSync(path.join(DIR, 'ci.yml'), 'utf8')
    expect(validateWorkflow(ci.replace('runs-on:', 'runs-onn:')).errors.length).toBeGreaterThan(0)
    expect(validateWorkflow(ci.replace('    steps:', '    stepz:')).errors.length).toBeGreaterThan(0)
  })

  it('pins every action to a major version and keeps the token to what each workflow needs', () => {
    for (const file of files) {
      for (const step of steps(read(file))) if (step.uses) expect(step.uses, file).toMatch(/^[\w-]+\/[\w-]+@v\d+$/)
    }
    expect(read('ci.yml').permissions).toEqual({ contents: 'read' })
    expect(read('release.yml').permissions).toEqual({ contents: 'write' })
  })

  it('CI runs .ci/run on every push, in Debian like the project machines', () => {
    const ci = read('ci.yml')
    expect(ci.on).toHaveProperty('push')
    expect(ci.on.push ?? null).toBeNull() // no branch or path filter: every push
    const [job] = Object.values(ci.jobs)
    expect(job?.container).toMatch(/^node:20-bookworm/)
    expect(job?.steps.some((s) => s.run?.trim() === 'bash .ci/run')).toBe(true)
  })

  it('a v* tag builds on Linux, macOS and Windows into a draft release, with the smoke suite under xvfb on Linux', () => {
    const release = read('release.yml')
    expect(release.on).toEqual({ push: { tags: ['v*'] } })
    const pack = release.jobs.package!
    expect(pack.strategy?.matrix.os).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest'])
    expect(pack.needs).toBe('draft')
    expect(release.jobs.draft!.steps.some((s) => /gh release create .*--draft/.test(s.run ?? ''))).toBe(true)
    const smoke = pack.steps.find((s) => s.run?.includes('xvfb-run'))
    expect(smoke?.if).toBe("runner.os == 'Linux'")
    expect(smoke?.run).toMatch(/xvfb-run .*vitest run --project electron/)
    expect(smoke?.run).toContain('ensure-electron.mjs')
    const dist = pack.steps.find((s) => s.run?.includes('npm run dist'))
    expect(dist?.run).toBe('npm run dist -- --publish always')
    expect(pack.steps.indexOf(smoke!)).toBeLessThan(pack.steps.indexOf(dist!))
    expect(dist?.env?.GH_TOKEN).toBe('${{ secrets.GITHUB_TOKEN }}')
  })

  it('reads every signing secret from the repository settings, each documented in the README', () => {
    const dist = steps(read('release.yml')).find((s) => s.run?.includes('npm run dist'))!
    const readme = readFileSync('README.md', 'utf8')
    const mapped = Object.entries(dist.env ?? {}).filter(([name]) => name !== 'GH_TOKEN')
    expect(mapped.map(([name]) => name).sort()).toEqual(['APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_ID', 'APPLE_TEAM_ID', 'CSC_KEY_PASSWORD', 'CSC_LINK', 'WIN_CSC_KEY_PASSWORD', 'WIN_CSC_LINK'])
    for (const [name, value] of mapped) {
      expect(value).toBe(`\${{ secrets.${name} }}`)
      expect(SIGNING_VARIABLES).toContain(name) // so an absent secret is dropped, and the build stays unsigned
      expect(readme, `${name} in the README`).toContain(`\`${name}\``)
    }
  })
})
