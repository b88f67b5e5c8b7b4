/**
 * The policy where it ships: the built index.html files (out/renderer for the window, out/web for
 * the browser) and the header the window's protocol handler sends with the built page. Needs
 * `npm run build` first (npm test builds before it runs the tests).
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { PAGE_CSP_DIRECTIVES } from '../../src-main/server/security-headers'
import { createAppRequestHandler } from '../../src-main/shell/app-protocol'
import { buildCsp } from '../../src-main/shell/csp'

const directives = (policy: string) =>
  policy
    .split(';')
    .map((d) => d.trim().replace(/\s+/g, ' '))
    .filter(Boolean)
// frame-ancestors is ignored in a meta tag: it lives in the header only.
const metaPolicy = PAGE_CSP_DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors'))

interface Tag {
  attrs: Record<string, string>
  body: string
}

/** The built file's tags of one name, attributes parsed (Vite's output is plain, well-formed HTML). */
function tags(file: string, name: string): Tag[] {
  const full = path.resolve(file)
  if (!existsSync(full)) throw new Error(`${file} is missing: run npm run build first`)
  const html = readFileSync(full, 'utf8')
  const found: Tag[] = []
  const open = new RegExp(`<${name}\\b([^>]*?)\\/?>`, 'gi')
  for (let m = open.exec(html); m; m = open.exec(html)) {
    const attrs: Record<string, string> = {}
    for (const a of m[1]!.matchAll(/([\w-]+)(?:\s*=\s*("([^"]*)"|'([^']*)'|[^\s>]+))?/g)) attrs[a[1]!.toLowerCase()] = a[3] ?? a[4] ?? a[2] ?? ''
    const rest = html.slice(open.lastIndex)
    const body = name === 'script' ? rest.slice(0, rest.indexOf('</script>')) : ''
    found.push({ attrs, body })
  }
  return found
}

describe.each(['out/renderer/index.html', 'out/web/index.html'])('the shipped %s', (file) => {
  it('carries exactly the page policy in its meta tag', () => {
    const metas = tags(file, 'meta').filter((t) => t.attrs['http-equiv']?.toLowerCase() === 'content-security-policy')
    expect(metas).toHaveLength(1)
    expect(directives(metas[0]!.attrs.content ?? '')).toEqual(metaPolicy)
  })

  it('loads only its own bundled files, with no inline script the policy would block', () => {
    const scripts = tags(file, 'script')
    expect(scripts.length).toBeGreaterThan(0)
    for (const script of scripts) {
      expect(script.attrs.src, 'an inline script').toMatch(/^\.\/assets\/[\w.-]+\.js$/)
      expect(script.body.trim()).toBe('')
    }
    for (const link of tags(file, 'link')) expect(link.attrs.href).toMatch(/^(\.\/|\/)[\w./-]+$/)
  })
})

describe('the window policy', () => {
  it('is sent as a header with the built page, equal to the meta policy plus frame-ancestors', async () => {
    const handle = createAppRequestHandler(path.resolve('out/renderer'), buildCsp(null))
    const response = await handle(new Request('switchboard://app/index.html'))
    expect(response.status).toBe(200)
    const header = directives(response.headers.get('content-security-policy') ?? '')
    expect(header).toEqual([...PAGE_CSP_DIRECTIVES])
    expect(header.filter((d) => !d.startsWith('frame-ancestors'))).toEqual(metaPolicy)
    // The window uses IPC: no WebSocket source, and no inline or eval script.
    expect(header.join(';')).not.toMatch(/ws:|unsafe-eval|script-src[^;]*unsafe-inline/)
  })
})
