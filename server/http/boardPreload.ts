import fs from 'node:fs'
import path from 'node:path'

interface ManifestChunk {
  file: string
  imports?: string[]
  css?: string[]
  isEntry?: boolean
}

type Manifest = Record<string, ManifestChunk>

/** The board page's lazily loaded code (tldraw and our canvas), as Vite's manifest names it. */
const BOARD_EDITOR = 'board/BoardEditor.tsx'

/** A board page's path, as the client's router (client/App.tsx) matches it. */
const BOARD_ROUTE = /^\/b\/[^/]+\/?$/

export function isBoardRoute(pathname: string): boolean {
  return BOARD_ROUTE.test(pathname)
}

/** Every chunk `key` imports statically, itself included. */
function staticGraph(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  if (into.has(key) || !manifest[key]) return into
  into.add(key)
  for (const imported of manifest[key].imports ?? []) staticGraph(manifest, imported, into)
  return into
}

/**
 * `<link>` tags that start fetching the board page's code while the app shell loads. The shell
 * imports that code (1.7 MB, most of it tldraw) only once its own script has run and asked for
 * the board, so without them the page waits for it in series. Files the shell itself loads are
 * left out; stylesheets are fetched, not applied, as the shell applies them when it imports
 * the code. Empty when the build has no manifest (`vite build` writes one).
 */
export function boardPreloadLinks(clientRoot: string): string {
  let manifest: Manifest
  try {
    manifest = JSON.parse(
      fs.readFileSync(path.join(clientRoot, '.vite', 'manifest.json'), 'utf8'),
    ) as Manifest
  } catch {
    return ''
  }
  if (!manifest[BOARD_EDITOR]) return ''
  const shell = new Set<string>()
  for (const [key, chunk] of Object.entries(manifest)) {
    if (chunk.isEntry) staticGraph(manifest, key, shell)
  }
  const shellFiles = new Set(
    [...shell].flatMap((key) => [manifest[key]!.file, ...(manifest[key]!.css ?? [])]),
  )
  const links = new Set<string>()
  for (const key of staticGraph(manifest, BOARD_EDITOR)) {
    const chunk = manifest[key]!
    if (!shellFiles.has(chunk.file)) {
      links.add(`<link rel="modulepreload" crossorigin href="/${chunk.file}">`)
    }
    for (const css of chunk.css ?? []) {
      if (!shellFiles.has(css))
        links.add(`<link rel="preload" as="style" crossorigin href="/${css}">`)
    }
  }
  return [...links].join('\n    ')
}

/** The app shell with `links` at the end of its head. */
export function withLinks(shell: string, links: string): string {
  if (!links) return shell
  return shell.replace('</head>', `  ${links}\n  </head>`)
}
