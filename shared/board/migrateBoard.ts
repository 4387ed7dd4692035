import type * as Y from 'yjs'
import type { SerializedSchema, StoreSchema, UnknownRecord } from '@tldraw/store'
import { parseStoredSchema, readRecords, writeRecords, writeStoredSchema } from './boardDoc'
import type { RecordJson } from './boardDoc'
import type { JsonValue } from './yjsValue'

export type MigrationOutcome =
  | { kind: 'current' }
  | { kind: 'migrated'; changedRecords: number }
  | { kind: 'failed'; reason: string }

/**
 * Brings a board written with an older tldraw schema up to `schema`, in one transaction,
 * and records the schema it now follows. A board with no stored schema just gets ours.
 */
export function migrateBoard(
  doc: Y.Doc,
  schema: StoreSchema<UnknownRecord, unknown>,
  origin: unknown = 'migration',
): MigrationOutcome {
  const current = schema.serialize() as unknown as JsonValue
  const stored = parseStoredSchema(doc) as SerializedSchema | undefined
  if (stored === undefined) {
    doc.transact(() => writeStoredSchema(doc, current), origin)
    return { kind: 'current' }
  }
  if (JSON.stringify(stored) === JSON.stringify(current)) return { kind: 'current' }

  const records = readRecords(doc)
  const store = Object.fromEntries(records.map((record) => [record.id, record]))
  const result = schema.migrateStoreSnapshot({ store, schema: stored } as never)
  if (result.type === 'error') return { kind: 'failed', reason: String(result.reason) }

  const migrated = Object.values(result.value as unknown as Record<string, RecordJson>)
  const migratedIds = new Set(migrated.map((record) => record.id))
  const removed = records.filter((record) => !migratedIds.has(record.id)).map((r) => r.id)
  doc.transact(() => {
    writeRecords(doc, migrated, removed)
    writeStoredSchema(doc, current)
  }, origin)
  return { kind: 'migrated', changedRecords: migrated.length + removed.length }
}
