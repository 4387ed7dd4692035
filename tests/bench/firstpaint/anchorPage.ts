import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { build } from 'vite'
import type { RecordJson } from '../../../shared/board/boardDoc'

const ANCHOR_SOURCE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'anchor')

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
}

/** Builds the plain-tldraw anchor page (anchor/) with Vite into `outDir`, as our client is built. */
export async function buildAnchorPage(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: ANCHOR_SOURCE,
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    optimizeDeps: { exclude: ['@tldraw/assets'] },
    build: { outDir, emptyOutDir: true, assetsInlineLimit: 0, chunkSizeWarningLimit: 8000 },
  })
}

export interface AnchorServer {
  /** The page for one board's records: `${url}/<board>/`. */
  pageUrl(board: string): string
  close(): Promise<void>
}

/** Serves the built anchor page on 127.0.0.1, one `/<board>/records.json` per board. */
export async function serveAnchorPage(
  outDir: string,
  boards: Record<string, RecordJson[]>,
): Promise<AnchorServer> {
  const bodies = Object.fromEntries(
    Object.entries(boards).map(([name, records]) => [name, JSON.stringify(records)]),
  )
  const server = http.createServer((request, response) => {
    const [, board = '', ...rest] = decodeURIComponent(request.url ?? '/')
      .split('?')[0]!
      .split('/')
    const file = rest.join('/') || 'index.html'
    if (file === 'records.json' && bodies[board] !== undefined) {
      response.writeHead(200, { 'Content-Type': TYPES['.json'] })
      return response.end(bodies[board])
    }
    const full = path.join(outDir, path.normalize(file))
    if (!full.startsWith(outDir) || !fs.existsSync(full) || !fs.statSync(full).isFile()) {
      response.writeHead(404)
      return response.end()
    }
    response.writeHead(200, {
      'Content-Type': TYPES[path.extname(full)] ?? 'application/octet-stream',
    })
    fs.createReadStream(full).pipe(response)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    pageUrl: (board) => `http://127.0.0.1:${port}/${board}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
