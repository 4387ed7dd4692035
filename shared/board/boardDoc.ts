import * as Y from 'yjs'
import { decodeRecord, encodeRecord, patchRecordMap } from './recordLayout'
import { fromYValue, type JsonValue } from './yjsValue'

/**
 * The layout of a board's Y.Doc. Everyone reads and writes the doc through these functions:
 * - `records`: one Y.Map per tldraw document record (shapes, pages, bindings, assets), keyed by
 *   id, laid out as shared/board/recordLayout.ts says.
 * - `meta`: the tldraw schema the records were written with, and board-level settings.
 */

export type RecordJson = { id: string; typeName: string; [key: string]: JsonValue }

const RECORDS = 'records'
const META = 'meta'
const SCHEMA_KEY = 'tldrawSchema'

export function recordsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(RECORDS)
}

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(META)
}

/** A record as JSON; undefined if missing or unreadable (nested past any real record). */
export function readRecord(doc: Y.Doc, id: string): RecordJson | undefined {
  const map = recordsMap(doc).get(id)
  return map ? readable(map) : undefined
}

/** Every readable record; one that cannot be read is skipped, never thrown on. */
export function readRecords(doc: Y.Doc): RecordJson[] {
  return [...recordsMap(doc).values()].flatMap((map) => readable(map) ?? [])
}

function readable(map: unknown): RecordJson | undefined {
  try {
    const record = decodeRecord(map)
    return typeof record === 'object' && record !== null && !Array.isArray(record)
      ? (record as RecordJson)
      : undefined
  } catch {
    return undefined
  }
}

/** Writes records field by field (creating those that are new) and deletes the removed ids. */
export function writeRecords(doc: Y.Doc, put: RecordJson[], removeIds: string[] = []) {
  const records = recordsMap(doc)
  for (const record of put) {
    const current = records.get(record.id)
    if (current) patchRecordMap(current, record)
    else records.set(record.id, encodeRecord(record))
  }
  for (const id of removeIds) records.delete(id)
}

export function readStoredSchema(doc: Y.Doc): JsonValue | undefined {
  const schema = metaMap(doc).get(SCHEMA_KEY)
  return schema === undefined ? undefined : fromYValue(schema)
}

export function writeStoredSchema(doc: Y.Doc, schema: JsonValue) {
  metaMap(doc).set(SCHEMA_KEY, JSON.stringify(schema))
}

/** The schema is stored as a JSON string: it is replaced whole and never merged field-wise. */
export function parseStoredSchema(doc: Y.Doc): unknown {
  const stored = readStoredSchema(doc)
  return typeof stored === 'string' ? JSON.parse(stored) : undefined
}
