import fs from 'node:fs'
import path from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { boardPreloadLinks, isBoardRoute, withLinks } from './boardPreload'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
}

/**
 * Serves the built client from `root`. Paths are resolved and must stay inside `root`, so
 * `..` and encoded tricks cannot reach other files. Unknown paths get the app shell, whose
 * router shows the page (or its 404).
 */
export function createStaticHandler(root: string) {
  const resolvedRoot = path.resolve(root)
  const shell = path.join(resolvedRoot, 'index.html')
  // Read again when a new build replaces the shell.
  let boardShell: { builtAt: number; html: string } | undefined
  const readBoardShell = () => {
    const builtAt = fs.statSync(shell).mtimeMs
    if (boardShell?.builtAt !== builtAt) {
      const html = withLinks(fs.readFileSync(shell, 'utf8'), boardPreloadLinks(resolvedRoot))
      boardShell = { builtAt, html }
    }
    return boardShell.html
  }

  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false
    let pathname: string
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)
    } catch {
      res.writeHead(400).end('Bad request')
      return true
    }
    if (pathname.includes('\0')) {
      res.writeHead(400).end('Bad request')
      return true
    }
    const file = path.resolve(resolvedRoot, '.' + pathname)
    if (file !== resolvedRoot && !file.startsWith(resolvedRoot + path.sep)) {
      res.writeHead(403).end('Forbidden')
      return true
    }
    const isFile = fs.existsSync(file) && fs.statSync(file).isFile()
    if (!isFile && path.extname(pathname) !== '') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found')
      return true
    }
    const target = isFile ? file : shell
    if (!fs.existsSync(target)) {
      res.writeHead(503, { 'Content-Type': 'text/plain' }).end('The client is not built yet.')
      return true
    }
    const immutable = target.includes(`${path.sep}assets${path.sep}`)
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(target)] ?? 'application/octet-stream',
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    })
    if (req.method === 'HEAD') res.end()
    else if (target === shell && isBoardRoute(pathname)) res.end(readBoardShell())
    else fs.createReadStream(target).pipe(res)
    return true
  }
}
