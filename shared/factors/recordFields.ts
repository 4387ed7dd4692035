import type { RecordJson } from '../board/boardDoc'
import type { JsonValue } from '../board/yjsValue'

/**
 * Typed reads from loosely typed record JSON. Records come from other clients and old
 * boards, so every read tolerates a missing or mistyped field instead of trusting it.
 */

export type JsonObject = { [key: string]: JsonValue }

export function asObject(value: JsonValue | undefined): JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}
}

export function props(record: RecordJson): JsonObject {
  return asObject(record.props)
}

export function meta(record: RecordJson): JsonObject {
  return asObject(record.meta)
}

export function numberOr(value: JsonValue | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}

export function stringOr(value: JsonValue | undefined, fallback: string): string {
  return typeof value === 'string' ? value : fallback
}

export function isShape(record: RecordJson): boolean {
  return record.typeName === 'shape'
}

export function shapeType(record: RecordJson): string | undefined {
  return isShape(record) && typeof record.type === 'string' ? record.type : undefined
}

export function parentIdOf(record: RecordJson): string | undefined {
  return typeof record.parentId === 'string' ? record.parentId : undefined
}
