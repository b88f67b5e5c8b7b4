import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

export default defineConfig({
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/core/**/*.test.ts', 'test/shell/**/*.test.ts', 'test/server/**/*.test.ts', 'test/build/**/*.test.ts'],
          testTimeout: 20_000,
          // The real electron-store runs in the shell tests: inlined, its `electron` import gets the mock.
          server: { deps: { inline: ['electron-store'] } }
        }
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/renderer/setup.ts'],
          // jsdom renders are CPU-bound: on a loaded two-core machine a long test takes 3-4 × longer.
          testTimeout: 20_000
        }
      },
      {
        test: {
          name: 'conformance',
          environment: 'node',
          include: ['test/conformance/**/*.test.ts'],
          testTimeout: 60_000
        }
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One browser at a time: two cores on this machine.
          fileParallelism: false
        }
      },
      {
        test: {
          // The built app under the real Electron runtime; skipped, with the reason, where it is missing.
          name: 'electron',
          environment: 'node',
          include: ['test/electron/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false
        }
      }
    ]
  }
})
