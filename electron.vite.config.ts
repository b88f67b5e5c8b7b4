import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'

/**
 * In `npm run dev` only: drops index.html's CSP meta tag. Vite's dev server injects an inline
 * React-refresh preamble that the packaged policy forbids, and policies only ever narrow each
 * other; the Electron shell sends the dev variant as a header instead (src-main/shell/csp.ts).
 */
function devCspFromShell(): Plugin {
  return {
    name: 'switchboard-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/s, '')
  }
}

// electron-vite builds the three Electron parts from the src-* folders. The main build also emits
// the headless CLI (`switchboard serve | sim`) and the benchmark, which never import 'electron'.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('src-main/shell/main.ts'),
          cli: resolve('src-main/cli.ts'),
          bench: resolve('src-main/bench/index.ts')
        }
      }
    }
  },
  preload: {
    build: {
      // A sandboxed preload can require nothing but 'electron': bundle zod and the contract into it.
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('src-preload/index.ts') },
        // A sandboxed preload can only be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve('src-renderer'),
    plugins: [react(), devCspFromShell()],
    build: {
      outDir: resolve('out/renderer'),
      // Loaded from disk by the window: one larger start-up chunk costs nothing.
      chunkSizeWarningLimit: 1000,
      rollupOptions: { input: resolve('src-renderer/index.html') }
    }
  }
})
