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
    rollupOptions: { input: resolve('src-renderer/index.html') }
  }
})
