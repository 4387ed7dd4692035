import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { TLRecord } from '@tldraw/tlschema'
import { bindStoreToDoc } from '../../shared/board/storeBinding'
import { readRecord, writeRecords } from '../../shared/board/boardDoc'
import {
  documentRecord,
  noteShape,
  pageRecord,
  type Placement,
} from '../../shared/board/shapeRecords'
import { createTestStore } from '../support/tldrawStore'

const LONG_TEXT =
  'Ledningen saknar en gemensam bild av vad digitaliseringen ska leda till. '.repeat(4)

/** Two docs that exchange every update, like two clients through a server. */
function connectedDocs() {
  const a = new Y.Doc()
  const b = new Y.Doc()
  a.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'peer') Y.applyUpdate(b, update, 'peer')
  })
  b.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'peer') Y.applyUpdate(a, update, 'peer')
  })
  return { a, b }
}

function seededDoc() {
  const doc = new Y.Doc()
  doc.transact(() => writeRecords(doc, [documentRecord(), pageRecord('Tavla')]))
  return doc
}

type Editable = TLRecord & { x: number; props: Record<string, unknown> }

/** Changes one record in the store as a user would. */
function edit(
  store: ReturnType<typeof createTestStore>,
  id: string,
  change: (r: Editable) => object,
) {
  store.update(id as TLRecord['id'], (record) => change(record as Editable) as TLRecord)
}

function note(id: string, text = LONG_TEXT, at: Partial<Placement> = {}) {
  return noteShape({ id, x: 100, y: 200, index: 'a1', ...at }, { text, color: 'yellow' })
}

describe('store ⇄ Y.Doc binding', () => {
  it('fills the store from the doc when bound', () => {
    const doc = seededDoc()
    const store = createTestStore()
    bindStoreToDoc(store, doc)
    expect(store.get('page:page' as never)).toMatchObject({ name: 'Tavla' })
  })

  it('skips only a record the schema rejects, on the first fill and on later changes', () => {
    const doc = seededDoc()
    const broken = { ...note('shape:broken'), props: { color: 'no such colour' } }
    doc.transact(() => writeRecords(doc, [note('shape:a'), broken, note('shape:b')]))
    const store = createTestStore()
    bindStoreToDoc(store, doc)
    expect(store.has('shape:a' as never)).toBe(true)
    expect(store.has('shape:b' as never)).toBe(true)
    expect(store.has('shape:broken' as never)).toBe(false)
    doc.transact(() => writeRecords(doc, [note('shape:c'), { ...broken, id: 'shape:broken2' }]))
    expect(store.has('shape:c' as never)).toBe(true)
    expect(store.has('shape:broken2' as never)).toBe(false)
  })

  it('brings a second store to the identical record after a round trip', () => {
    const { a, b } = connectedDocs()
    Y.applyUpdate(a, Y.encodeStateAsUpdate(seededDoc()))
    const storeA = createTestStore()
    const storeB = createTestStore()
    const bindingA = bindStoreToDoc(storeA, a, { flushIntervalMs: 0 })
    bindStoreToDoc(storeB, b, { flushIntervalMs: 0 })

    storeA.put([note('shape:n1') as unknown as TLRecord])
    bindingA.flush()
    edit(storeA, 'shape:n1', (r) => ({ ...r, x: 640 }))

    expect(storeB.get('shape:n1' as never)).toEqual(storeA.get('shape:n1' as never))
    expect(readRecord(b, 'shape:n1')).toEqual(storeA.get('shape:n1' as never))
  })

  it('sends a moved note as its coordinates, not its text', () => {
    const doc = seededDoc()
    const store = createTestStore()
    const binding = bindStoreToDoc(store, doc, { flushIntervalMs: 0 })
    store.put([note('shape:n1') as unknown as TLRecord])
    binding.flush()
    const noteBytes = JSON.stringify(store.get('shape:n1' as never)).length

    const sizes: number[] = []
    doc.on('update', (update: Uint8Array) => sizes.push(update.byteLength))
    edit(store, 'shape:n1', (r) => ({ ...r, x: 740, y: 820 }))
    binding.flush()

    expect(sizes).toHaveLength(1)
    expect(sizes[0]!).toBeLessThan(noteBytes / 10)
  })

  it('coalesces rapid changes into one update per interval', async () => {
    const doc = seededDoc()
    const store = createTestStore()
    bindStoreToDoc(store, doc, { flushIntervalMs: 30 })
    store.put([note('shape:n1') as unknown as TLRecord])
    await new Promise((resolve) => setTimeout(resolve, 60))

    let updates = 0
    doc.on('update', () => updates++)
    for (let x = 0; x < 50; x++) {
      edit(store, 'shape:n1', (r) => ({ ...r, x }))
    }
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(updates).toBe(1)
    expect(readRecord(doc, 'shape:n1')?.x).toBe(49)
  })

  it('applies remote changes as remote, so they stay out of the local undo history', () => {
    const { a, b } = connectedDocs()
    Y.applyUpdate(a, Y.encodeStateAsUpdate(seededDoc()))
    const storeA = createTestStore()
    const storeB = createTestStore()
    const bindingA = bindStoreToDoc(storeA, a, { flushIntervalMs: 0 })
    bindStoreToDoc(storeB, b, { flushIntervalMs: 0 })
    const sources: string[] = []
    storeB.listen((entry) => sources.push(entry.source), { scope: 'document' })

    storeA.put([note('shape:n1') as unknown as TLRecord])
    bindingA.flush()
    expect(sources).toEqual(['remote'])
  })

  it('keeps both edits when two people change different fields of one note while apart', () => {
    const a = seededDoc()
    const b = new Y.Doc()
    const storeA = createTestStore()
    const bindingA = bindStoreToDoc(storeA, a, { flushIntervalMs: 0 })
    storeA.put([note('shape:n1') as unknown as TLRecord])
    bindingA.flush()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const storeB = createTestStore()
    const bindingB = bindStoreToDoc(storeB, b, { flushIntervalMs: 0 })

    edit(storeA, 'shape:n1', (r) => ({ ...r, x: 5 }))
    edit(storeB, 'shape:n1', (r) => ({ ...r, props: { ...r.props, color: 'green' } }))
    bindingA.flush()
    bindingB.flush()
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))

    for (const store of [storeA, storeB]) {
      const merged = store.get('shape:n1' as never) as unknown as {
        x: number
        props: { color: string }
      }
      expect(merged.x).toBe(5)
      expect(merged.props.color).toBe('green')
    }
  })

  it('keeps a local edit not yet sent when a remote change to the same note arrives', () => {
    const doc = seededDoc()
    const store = createTestStore()
    const binding = bindStoreToDoc(store, doc, { flushIntervalMs: 10_000 })
    store.put([note('shape:n1', 'Led') as unknown as TLRecord])
    binding.flush()

    edit(store, 'shape:n1', (r) => ({ ...r, x: 999 }))
    const remote = new Y.Doc()
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc))
    const props = remote.getMap('records').get('shape:n1') as Y.Map<Y.Map<unknown>>
    props.get('props')!.set('color', 'green')
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)), 'peer')

    const merged = store.get('shape:n1' as never) as unknown as Editable
    expect(merged.x).toBe(999)
    expect(merged.props.color).toBe('green')
    expect(readRecord(doc, 'shape:n1')).toMatchObject({ x: 999, props: { color: 'green' } })
  })

  it('keeps a private draft out of the doc until it is no longer one, then writes it whole', () => {
    const doc = seededDoc()
    const store = createTestStore()
    const isDraft = (record: object) =>
      (record as { meta?: Record<string, unknown> }).meta?.privateDraft === true
    const binding = bindStoreToDoc(store, doc, { flushIntervalMs: 0, keepLocal: isDraft })
    const draft = noteShape(
      { id: 'shape:d1', x: 10, y: 20, index: 'a1', meta: { privateDraft: true } },
      { text: 'utkast', color: 'yellow' },
    )
    store.put([draft as unknown as TLRecord])
    edit(store, 'shape:d1', (r) => ({ ...r, x: 50 }))
    binding.flush()
    expect(readRecord(doc, 'shape:d1')).toBeUndefined()

    // Binding again (a reconnect) keeps the draft in the store.
    binding.dispose()
    const again = bindStoreToDoc(store, doc, { flushIntervalMs: 0, keepLocal: isDraft })
    expect(store.get('shape:d1' as never)).toBeDefined()

    edit(store, 'shape:d1', (r) => ({ ...r, meta: {} }))
    again.flush()
    expect(readRecord(doc, 'shape:d1')).toMatchObject({
      x: 50,
      meta: {},
      props: { color: 'yellow' },
    })
  })
})

describe('store ⇄ Y.Doc binding at the record limit', () => {
  /** A doc of a document, a page and `notes` notes: `notes + 2` records. */
  function fullDoc(notes: number) {
    const doc = seededDoc()
    doc.transact(() =>
      writeRecords(
        doc,
        Array.from({ length: notes }, (_, i) => note(`shape:old${i}`, 'n')),
      ),
    )
    return doc
  }

  it('writes a note that fits, and refuses the next one, putting the store back', () => {
    const doc = fullDoc(2)
    const store = createTestStore()
    const refusals: number[] = []
    const binding = bindStoreToDoc(store, doc, {
      flushIntervalMs: 0,
      maxRecords: 5,
      onRecordLimit: (max) => refusals.push(max),
    })
    store.put([note('shape:fits') as unknown as TLRecord])
    binding.flush()
    expect(readRecord(doc, 'shape:fits')).toBeDefined()
    expect(refusals).toEqual([])

    store.put([note('shape:past') as unknown as TLRecord])
    binding.flush()
    expect(readRecord(doc, 'shape:past')).toBeUndefined()
    expect(store.has('shape:past' as never)).toBe(false)
    expect(refusals).toEqual([5])
    expect(doc.getMap('records').size).toBe(5)
  })

  it('refuses a whole batch that adds past the limit, moves included', () => {
    const doc = fullDoc(3)
    const store = createTestStore()
    const binding = bindStoreToDoc(store, doc, { flushIntervalMs: 1000, maxRecords: 5 })
    edit(store, 'shape:old0', (r) => ({ ...r, x: 999 }))
    store.put([note('shape:past') as unknown as TLRecord])
    binding.flush()
    expect(store.get('shape:old0' as never)).toMatchObject({ x: 100 })
    expect(readRecord(doc, 'shape:old0')).toMatchObject({ x: 100 })
    expect(store.has('shape:past' as never)).toBe(false)
  })

  it('takes a batch that deletes as much as it adds on a full board', () => {
    const doc = fullDoc(3)
    const store = createTestStore()
    const binding = bindStoreToDoc(store, doc, { flushIntervalMs: 1000, maxRecords: 5 })
    store.remove(['shape:old1' as never])
    store.put([note('shape:instead') as unknown as TLRecord])
    binding.flush()
    expect(readRecord(doc, 'shape:instead')).toBeDefined()
    expect(readRecord(doc, 'shape:old1')).toBeUndefined()
  })

  it('opens a board already past the limit whole, and lets it shrink but not grow', () => {
    const doc = fullDoc(10)
    const store = createTestStore()
    const binding = bindStoreToDoc(store, doc, { flushIntervalMs: 0, maxRecords: 5 })
    expect(store.allRecords().filter((r) => r.typeName === 'shape')).toHaveLength(10)
    store.remove(['shape:old0' as never])
    binding.flush()
    expect(readRecord(doc, 'shape:old0')).toBeUndefined()
    store.put([note('shape:past') as unknown as TLRecord])
    binding.flush()
    expect(store.has('shape:past' as never)).toBe(false)
  })

  it('keeps a private draft in the store when a refused batch is put back', () => {
    const doc = fullDoc(3)
    const store = createTestStore()
    const isDraft = (record: { id: string }) => record.id === 'shape:draft'
    const binding = bindStoreToDoc(store, doc, {
      flushIntervalMs: 1000,
      maxRecords: 5,
      keepLocal: isDraft,
    })
    store.put([note('shape:draft'), note('shape:past')] as unknown as TLRecord[])
    binding.flush()
    expect(store.has('shape:draft' as never)).toBe(true)
    expect(store.has('shape:past' as never)).toBe(false)
  })
})
