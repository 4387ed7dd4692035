import {
  getHTMLFromFragment,
  getSchema,
  getText,
  getTextSerializersFromSchema,
  type Extensions,
  type JSONContent,
} from '@tiptap/core'

/**
 * `@tiptap/core` as tldraw's rich-text helpers see it (the build swaps it in, see
 * vite/tiptapSchemaCache.ts), with one change: tiptap's `generateHTML` and `generateText`
 * build a new ProseMirror schema from the extensions on every call, so rendering a board's
 * 2,000 notes built 2,000 identical schemas (about a second of first paint). Here the schema
 * is built once per extensions list and the output is the same.
 */
export * from '@tiptap/core'

type Schema = ReturnType<typeof getSchema>
const schemas = new WeakMap<Extensions, Schema>()

function schemaOf(extensions: Extensions): Schema {
  let schema = schemas.get(extensions)
  if (!schema) {
    schema = getSchema(extensions)
    schemas.set(extensions, schema)
  }
  return schema
}

export function generateHTML(doc: JSONContent, extensions: Extensions): string {
  const schema = schemaOf(extensions)
  return getHTMLFromFragment(schema.nodeFromJSON(doc).content, schema)
}

export function generateText(
  doc: JSONContent,
  extensions: Extensions,
  options?: Parameters<typeof getText>[1],
): string {
  const schema = schemaOf(extensions)
  return getText(schema.nodeFromJSON(doc), {
    blockSeparator: options?.blockSeparator ?? '\n\n',
    textSerializers: {
      ...getTextSerializersFromSchema(schema),
      ...options?.textSerializers,
    },
  })
}
