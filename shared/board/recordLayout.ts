import * as Y from 'yjs'
import { boundedJson } from './docLayout'
import {
  patchMap,
  toYMap,
  writeChanges,
  type JsonObject,
  type JsonValue,
  type PlainKeys,
} from './yjsValue'

/**
 * How one tldraw record is held in its Y.Map under `records`. Every field is its own key
 * (nested objects are nested maps, so a change writes only the changed leaves), except a
 * shape's position: `x` and `y` are kept together as one plain value `xy: [x, y]`.
 *
 * Why: Yjs keeps a struct for every overwritten map value, and moves are most of a day's
 * edits. With two keys each move left two structs behind; with one key it leaves one (bench:
 * longday, where x and y were 70 % of the server doc's structs).
 *
 * Boards and clients of the release before wrote `x` and `y` as two keys. Such a record still
 * reads the same (a legacy `x` or `y` key wins over `xy`, as only an older client writes it
 * after the upgrade), and `upgradeLegacyPosition` folds the keys into `xy`: the server does so
 * when a board loads and after every update from an older client, and every writer here does
 * so before changing a record.
 */

export const POSITION_KEY = 'xy'
const LEGACY_KEYS = ['x', 'y'] as const
const PLAIN_KEYS: PlainKeys = new Set([POSITION_KEY])

type Position = [number, number]

function isPosition(value: unknown): value is Position {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number'
  )
}

/** A record's fields as its map holds them: `x` and `y` packed into `xy`. */
export function packRecord(record: JsonObject): JsonObject {
  const { x, y, ...rest } = record
  if (typeof x !== 'number' || typeof y !== 'number') return record
  return { ...rest, [POSITION_KEY]: [x, y] }
}

/**
 * A record's fields as tldraw knows them: `xy` unpacked into `x` and `y`. An `xy` that is not
 * a pair of numbers is left as it is, so validation refuses the record.
 */
export function unpackRecord(fields: JsonObject): JsonObject {
  const packed = fields[POSITION_KEY]
  if (!isPosition(packed)) return fields
  const record: JsonObject = { ...fields, x: fields.x ?? packed[0], y: fields.y ?? packed[1] }
  delete record[POSITION_KEY]
  return record
}

/**
 * Reads a record's map (or whatever is stored under its id) as the record's JSON. Throws like
 * `boundedJson` on what cannot be read.
 */
export function decodeRecord(value: unknown): JsonValue {
  const json = boundedJson(value)
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return json
  return unpackRecord(json)
}

/** A new map for a record. */
export function encodeRecord(record: JsonObject): Y.Map<unknown> {
  return toYMap(packRecord(record), PLAIN_KEYS)
}

/** Makes `map` hold exactly `record`, touching only what differs. */
export function patchRecordMap(map: Y.Map<unknown>, record: JsonObject) {
  patchMap(map, packRecord(record), PLAIN_KEYS)
}

/** Writes into `map` what changed from `base` to `next` (see `writeChanges`). */
export function writeRecordChanges(map: Y.Map<unknown>, base: JsonObject, next: JsonObject) {
  upgradeLegacyPosition(map)
  writeChanges(map, packRecord(base), packRecord(next), PLAIN_KEYS)
}

/**
 * Folds the `x` and `y` keys an older release wrote into `xy`; returns whether it changed the
 * map. Keys that do not make a position with what is there are left for validation to see.
 */
export function upgradeLegacyPosition(map: Y.Map<unknown>): boolean {
  if (!LEGACY_KEYS.some((key) => map.has(key))) return false
  const packed = map.get(POSITION_KEY)
  const current = isPosition(packed) ? packed : undefined
  const position = [map.get('x') ?? current?.[0], map.get('y') ?? current?.[1]]
  if (!isPosition(position)) return false
  map.set(POSITION_KEY, position)
  for (const key of LEGACY_KEYS) map.delete(key)
  return true
}

/**
 * Upgrades the legacy positions of `ids` (every record by default) in one transaction with
 * `origin`; returns the ids it changed.
 */
export function upgradeLegacyPositions(
  records: Y.Map<Y.Map<unknown>>,
  origin: unknown,
  ids: Iterable<string> = records.keys(),
): string[] {
  const doc = records.doc
  const upgraded: string[] = []
  const run = () => {
    for (const id of ids) {
      const map: unknown = records.get(id)
      if (map instanceof Y.Map && upgradeLegacyPosition(map)) upgraded.push(id)
    }
  }
  if (doc) doc.transact(run, origin)
  else run()
  return upgraded
}
