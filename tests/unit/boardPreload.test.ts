import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { boardPreloadLinks, isBoardRoute, withLinks } from '../../server/http/boardPreload'
import { createStaticHandler } from '../../server/http/staticFiles'

const SHELL = '<html><head><script type="module" src="/assets/index-1.js"></script></head></html>'

/** A built client as Vite writes it: the shell, its chunks and the board editor's. */
const MANIFEST = {
  'index.html': {
    file: 'assets/index-1.js',
    isEntry: true,
    imports: ['_shared-1.js'],
    css: ['assets/index-1.css'],
  },
  '_shared-1.js': { file: 'assets/shared-1.js' },
  'board/BoardEditor.tsx': {
    file: 'assets/BoardEditor-1.js',
    isDynamicEntry: true,
    imports: ['_shared-1.js', '_boardShapes-1.js'],
    dynamicImports: ['export/exportBoard.ts'],
    css: ['assets/BoardEditor-1.css'],
  },
  '_boardShapes-1.js': { file: 'assets/boardShapes-1.js', css: ['assets/boardShapes-1.css'] },
  'export/exportBoard.ts': { file: 'assets/exportBoard-1.js', isDynamicEntry: true },
}

const dirs: string[] = []
function builtClient(manifest?: object): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samskapa-preload-'))
  dirs.push(dir)
  fs.writeFileSync(path.join(dir, 'index.html'), SHELL)
  if (manifest) {
    fs.mkdirSync(path.join(dir, '.vite'))
    fs.writeFileSync(path.join(dir, '.vite', 'manifest.json'), JSON.stringify(manifest))
  }
  return dir
}
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true })))

describe('a board page preloads its code with the shell', () => {
  it('names the board editor’s chunks and styles the shell does not load itself', () => {
    const links = boardPreloadLinks(builtClient(MANIFEST))
    expect(links.split('\n').map((line) => line.trim())).toEqual([
      '<link rel="modulepreload" crossorigin href="/assets/BoardEditor-1.js">',
      '<link rel="preload" as="style" crossorigin href="/assets/BoardEditor-1.css">',
      '<link rel="modulepreload" crossorigin href="/assets/boardShapes-1.js">',
      '<link rel="preload" as="style" crossorigin href="/assets/boardShapes-1.css">',
    ])
  })

  it('adds nothing without a manifest', () => {
    expect(boardPreloadLinks(builtClient())).toBe('')
    expect(withLinks(SHELL, '')).toBe(SHELL)
  })

  it('matches board routes only', () => {
    expect(isBoardRoute('/b/abc')).toBe(true)
    expect(isBoardRoute('/b/abc/')).toBe(true)
    expect(isBoardRoute('/')).toBe(false)
    expect(isBoardRoute('/w/abc')).toBe(false)
    expect(isBoardRoute('/b/abc/more')).toBe(false)
  })

  it('serves the links on a board route and the plain shell elsewhere', async () => {
    const serve = createStaticHandler(builtClient(MANIFEST))
    const server = http.createServer((req, res) => void serve(req, res))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const page = (url: string) => fetch(`http://127.0.0.1:${port}${url}`).then((r) => r.text())
    try {
      expect(await page('/b/abc?token=x')).toMatch(
        /<link rel="modulepreload" crossorigin href="\/assets\/boardShapes-1.js">[^]*<\/head>/,
      )
      expect(await page('/')).toBe(SHELL)
      expect(await page('/w/abc')).toBe(SHELL)
    } finally {
      server.close()
    }
  })
})
