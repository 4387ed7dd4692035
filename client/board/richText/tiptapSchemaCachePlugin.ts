import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'

const WRAPPER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'tiptapWithCachedSchema.ts')
/** tldraw's module that turns a note's rich text into HTML and plain text. */
const TLDRAW_RICH_TEXT = /[\\/]tldraw[\\/]dist-esm[\\/]lib[\\/]utils[\\/]text[\\/]richText\.mjs$/

/**
 * Hands tldraw's rich-text helpers our `@tiptap/core` with a cached schema
 * (tiptapWithCachedSchema.ts). The wrapper's own `@tiptap/core` import resolves to the copy
 * tldraw itself would have loaded, so the extensions and the schema come from one tiptap.
 * Build only: the dev server pre-bundles tldraw, so dev keeps tiptap's uncached schema.
 */
export function tiptapSchemaCache(): Plugin {
  let tldrawRichText: string | undefined
  return {
    name: 'samskapa-tiptap-schema-cache',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (source !== '@tiptap/core' || !importer) return null
      if (TLDRAW_RICH_TEXT.test(importer)) {
        tldrawRichText = importer
        return WRAPPER
      }
      if (importer === WRAPPER && tldrawRichText) {
        return this.resolve(source, tldrawRichText, { skipSelf: true })
      }
      return null
    },
  }
}
