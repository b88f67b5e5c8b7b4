import { resolve } from 'node:path'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// The same renderer, built for a plain browser: the headless shell serves it and the renderer
// talks to the core over the WebSocket bridge instead of IPC.
export default defineConfig({
  root: resolve('src-renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve('out/web'),
    emptyOutDir: true,
    // Served from this machine, never over a slow link: one larger start-up chunk costs nothing.
    chunkSizeWarningLimit: 900,
    rollupOptions: { input: resolve('src-renderer/index.html') }
  }
})
