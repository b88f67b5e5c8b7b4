import { join } from 'node:path'
import { build } from 'vite'

/**
 * Bundles the real `src-main/cli.ts` into one plain .mjs with vite's own build, so the CLI runs as a
 * child `node` process without depending on `npm run build` having run first. Node built-ins and
 * `electron` (never loaded by the CLI) stay external.
 */
export async function buildCli(outDir: string): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: join(import.meta.dirname, '../../../src-main/cli.ts'),
      outDir,
      emptyOutDir: true,
      minify: false,
      target: 'node20',
      rollupOptions: { external: ['electron'], output: { format: 'es', entryFileNames: 'cli.mjs' } }
    },
    ssr: { noExternal: true }
  })
  return join(outDir, 'cli.mjs')
}
