import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { fromYValue, patchMap, toYValue, type JsonValue } from '../../shared/board/yjsValue'

function roundTrip(before: { [key: string]: JsonValue }, after: { [key: string]: JsonValue }) {
  const doc = new Y.Doc()
  const map = doc.getMap('m')
  doc.transact(() => patchMap(map, before))
  const sizes: number[] = []
  doc.on('update', (update: Uint8Array) => sizes.push(update.byteLength))
  doc.transact(() => patchMap(map, after))
  return { value: fromYValue(map), bytes: sizes.reduce((sum, size) => sum + size, 0) }
}

describe('field-level Yjs values', () => {
  it('reads back exactly what was written, nested objects and arrays included', () => {
    const value = { a: 1, b: 'x', c: [1, { d: 'long '.repeat(20) }], e: { f: null, g: true } }
    const { value: read } = roundTrip({}, value)
    expect(read).toEqual(value)
  })

  it('sends only the appended characters of a growing long string', () => {
    const path = 'AAAABBBBCCCCDDDD'.repeat(200)
    const { value, bytes } = roundTrip(
      { segments: [{ type: 'free', path }] },
      { segments: [{ type: 'free', path: path + 'EEEEFFFF' }] },
    )
    expect(value).toEqual({ segments: [{ type: 'free', path: path + 'EEEEFFFF' }] })
    expect(bytes).toBeLessThan(60)
  })

  it('removes keys that disappeared and writes nothing when nothing changed', () => {
    expect(roundTrip({ a: 1, b: 2 }, { a: 1 }).value).toEqual({ a: 1 })
    expect(roundTrip({ a: 1, b: [1, 2] }, { a: 1, b: [1, 2] }).bytes).toBe(0)
  })

  it('patches arrays around their common prefix and suffix', () => {
    const { value } = roundTrip({ list: [1, 2, 3, 4, 5] }, { list: [1, 9, 9, 5] })
    expect(value).toEqual({ list: [1, 9, 9, 5] })
  })

  it('converts a short string to a plain value and a long one to Y.Text', () => {
    expect(toYValue('short')).toBe('short')
    expect(toYValue('x'.repeat(100))).toBeInstanceOf(Y.Text)
  })
})
