import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { tiptapSchemaCache } from './client/board/richText/tiptapSchemaCachePlugin'

const syncServer = process.env.SAMSKAPA_DEV_SERVER ?? 'http://127.0.0.1:8080'

// The client lives in client/; the server serves its build from dist/client.
export default defineConfig({
  root: 'client',
  plugins: [react(), tiptapSchemaCache()],
  // tldraw's asset list imports files with ?url, which only Vite's own asset handling resolves.
  optimizeDeps: { exclude: ['@tldraw/assets'] },
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    // tldraw fetches its translations; data: URLs would need a looser Content-Security-Policy.
    assetsInlineLimit: 0,
    // The server reads it to preload a board page's code with the page (server/http/boardPreload.ts).
    manifest: true,
  },
  server: {
    proxy: {
      '/api': syncServer,
      '/healthz': syncServer,
      '/config.json': syncServer,
      '/sync': { target: syncServer, ws: true },
    },
  },
})
