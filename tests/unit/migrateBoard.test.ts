import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { toRichText } from '@tldraw/tlschema'
import { readRecord, writeRecords, writeStoredSchema } from '../../shared/board/boardDoc'
import { migrateBoard } from '../../shared/board/migrateBoard'
import { documentRecord, noteShape, pageRecord } from '../../shared/board/shapeRecords'
import type { JsonValue } from '../../shared/board/yjsValue'
import { tldrawSchema } from '../support/tldrawStore'

/** A note as tldraw stored it before rich text (note props version 8). */
function olderBoard() {
  const current = tldrawSchema.serialize()
  const older = {
    ...current,
    sequences: { ...current.sequences, 'com.tldraw.shape.note': 8 },
  }
  const note = noteShape(
    { id: 'shape:old', x: 0, y: 0, index: 'a1' },
    { text: '', color: 'yellow' },
  )
  const props = { ...(note.props as { [key: string]: JsonValue }) }
  delete props.richText
  delete props.textLastEditedBy
  props.text = 'Vi vågar göra fel'
  props.fontSizeAdjustment = 0
  const doc = new Y.Doc()
  doc.transact(() => {
    writeRecords(doc, [documentRecord(), pageRecord('Tavla'), { ...note, props }])
    writeStoredSchema(doc, older as unknown as JsonValue)
  })
  return doc
}

describe('board migration', () => {
  it('migrates a board stored with an older tldraw schema', () => {
    const doc = olderBoard()
    const outcome = migrateBoard(doc, tldrawSchema as never)
    expect(outcome.kind).toBe('migrated')
    const note = readRecord(doc, 'shape:old') as unknown as { props: Record<string, unknown> }
    expect(note.props.richText).toEqual(toRichText('Vi vågar göra fel'))
    expect(note.props.text).toBeUndefined()
    expect(note.props.textLastEditedBy).toBeNull()
    expect(() => tldrawSchema.types.shape.validate(note)).not.toThrow()
  })

  it('leaves a current board untouched', () => {
    const doc = olderBoard()
    migrateBoard(doc, tldrawSchema as never)
    let updates = 0
    doc.on('update', () => updates++)
    expect(migrateBoard(doc, tldrawSchema as never).kind).toBe('current')
    expect(updates).toBe(0)
  })
})
