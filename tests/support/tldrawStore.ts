import { Store } from '@tldraw/store'
import { createTLSchema, type TLRecord } from '@tldraw/tlschema'

export const tldrawSchema = createTLSchema()

/** A plain tldraw store (no editor, no DOM) with tldraw's default schema. */
export function createTestStore(): Store<TLRecord> {
  return new Store<TLRecord>({
    schema: tldrawSchema as never,
    props: { defaultName: '', assets: {}, onMount: () => undefined } as never,
  })
}
