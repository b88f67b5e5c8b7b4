import { join } from 'node:path'
import { build } from 'vite'

/**
 * Bundles crash-child.ts into one plain .mjs with vite's own build (no tsx or ts-node here): the
 * child must be a real `node` process so SIGKILL hits it and nothing else. Node built-ins stay external.
 */
export async function buildCrashChild(outDir: string): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: join(import.meta.dirname, 'crash-child.ts'),
      outDir,
      emptyOutDir: true,
      minify: false,
      target: 'node20',
      rollupOptions: { output: { format: 'es', entryFileNames: 'crash-child.mjs' } }
    },
    ssr: { noExternal: true }
  })
  return join(outDir, 'crash-child.mjs')
}
