import * as Y from 'yjs'

/**
 * Writes JSON values into Yjs types so that a change produces the smallest update:
 * objects become Y.Maps (one key per field), arrays become Y.Arrays patched around their
 * common prefix and suffix, and long strings become Y.Texts patched the same way. A moved
 * note thus sends only its x and y, and a growing pen stroke only its newest points.
 */

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }
export type JsonObject = { [key: string]: JsonValue }
type YValue = Y.Map<unknown> | Y.Array<unknown> | Y.Text | string | number | boolean | null

/** Strings at least this long are stored as Y.Text, so edits and appends travel as diffs. */
export const LONG_STRING = 48

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Converts a JSON value into a fresh Yjs value. */
export function toYValue(value: JsonValue): YValue {
  if (Array.isArray(value)) {
    const array = new Y.Array<unknown>()
    array.insert(0, value.map(toYValue))
    return array
  }
  if (isObject(value)) return toYMap(value)
  if (typeof value === 'string' && value.length >= LONG_STRING) return new Y.Text(value)
  return value
}

/**
 * Top-level keys of a map whose values are written as one plain JSON value (a single Yjs
 * item) instead of nested types: replaced whole on every change, so each change leaves one
 * struct behind instead of one per element.
 */
export type PlainKeys = ReadonlySet<string>
const NO_PLAIN_KEYS: PlainKeys = new Set()

/** Converts a JSON object into a fresh Y.Map, keeping `plainKeys` as plain values. */
export function toYMap(value: JsonObject, plainKeys: PlainKeys = NO_PLAIN_KEYS): Y.Map<unknown> {
  const map = new Y.Map<unknown>()
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined) map.set(key, plainKeys.has(key) ? item : toYValue(item))
  }
  return map
}

/** Reads a Yjs value back as plain JSON. */
export function fromYValue(value: unknown): JsonValue {
  if (value instanceof Y.AbstractType) return value.toJSON() as JsonValue
  return value as JsonValue
}

function commonEnds<T>(a: T[], b: T[], equal: (x: T, y: T) => boolean) {
  let prefix = 0
  const max = Math.min(a.length, b.length)
  while (prefix < max && equal(a[prefix] as T, b[prefix] as T)) prefix++
  let suffix = 0
  while (
    suffix < max - prefix &&
    equal(a[a.length - 1 - suffix] as T, b[b.length - 1 - suffix] as T)
  ) {
    suffix++
  }
  return { prefix, suffix }
}

function patchText(text: Y.Text, next: string) {
  const current = text.toString()
  if (current === next) return
  const { prefix, suffix } = commonEnds([...current], [...next], (x, y) => x === y)
  const currentChars = [...current]
  const nextChars = [...next]
  const deleted = currentChars.slice(prefix, currentChars.length - suffix).join('')
  const inserted = nextChars.slice(prefix, nextChars.length - suffix).join('')
  const index = currentChars.slice(0, prefix).join('').length
  if (deleted.length > 0) text.delete(index, deleted.length)
  if (inserted.length > 0) text.insert(index, inserted)
}

export function deepEqual(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i] as JsonValue))
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a).filter((key) => a[key] !== undefined)
    if (keys.length !== Object.keys(b).filter((key) => b[key] !== undefined).length) return false
    return keys.every((key) => key in b && deepEqual(a[key] as JsonValue, b[key] as JsonValue))
  }
  return false
}

function equalsJson(current: unknown, next: JsonValue): boolean {
  return deepEqual(fromYValue(current), next)
}

/** Patches `current` in place towards `next` if both are the same kind of container. */
function patchInPlace(current: unknown, next: JsonValue): boolean {
  if (current instanceof Y.Map && isObject(next)) {
    patchMap(current, next)
    return true
  }
  if (current instanceof Y.Array && Array.isArray(next)) {
    patchArray(current, next)
    return true
  }
  if (current instanceof Y.Text && typeof next === 'string') {
    patchText(current, next)
    return true
  }
  return false
}

function patchArray(array: Y.Array<unknown>, next: JsonValue[]) {
  const current = array.toArray()
  const { prefix, suffix } = commonEnds<unknown>(current, next, (a, b) =>
    equalsJson(a, b as JsonValue),
  )
  const currentMiddle = current.length - prefix - suffix
  const nextMiddle = next.slice(prefix, next.length - suffix)
  const paired = Math.min(currentMiddle, nextMiddle.length)
  for (let i = 0; i < paired; i++) {
    const item = nextMiddle[i] as JsonValue
    if (!patchInPlace(current[prefix + i], item)) {
      array.delete(prefix + i, 1)
      array.insert(prefix + i, [toYValue(item)])
    }
  }
  if (currentMiddle > paired) array.delete(prefix + paired, currentMiddle - paired)
  if (nextMiddle.length > paired) {
    array.insert(prefix + paired, nextMiddle.slice(paired).map(toYValue))
  }
}

/** Writes one field, touching the doc only where the value changed. */
export function writeField(map: Y.Map<unknown>, key: string, next: JsonValue, plain = false) {
  const current = map.get(key)
  if (plain) {
    if (current === undefined || !equalsJson(current, next)) map.set(key, next)
    return
  }
  if (patchInPlace(current, next)) return
  if (current !== undefined && equalsJson(current, next)) return
  map.set(key, toYValue(next))
}

/** Patches a Y.Map so that it holds exactly `next`. */
export function patchMap(
  map: Y.Map<unknown>,
  next: JsonObject,
  plainKeys: PlainKeys = NO_PLAIN_KEYS,
) {
  for (const key of [...map.keys()]) {
    if (!(key in next) || next[key] === undefined) map.delete(key)
  }
  for (const [key, value] of Object.entries(next)) {
    if (value !== undefined) writeField(map, key, value, plainKeys.has(key))
  }
}

/**
 * Writes into `map` only what changed from `base` to `next`, descending into nested objects,
 * so that fields someone else changed meanwhile (already in the map) are kept.
 */
export function writeChanges(
  map: Y.Map<unknown>,
  base: JsonObject,
  next: JsonObject,
  plainKeys: PlainKeys = NO_PLAIN_KEYS,
) {
  for (const key of new Set([...Object.keys(base), ...Object.keys(next)])) {
    const before = base[key]
    const after = next[key]
    if (after === undefined) {
      if (before !== undefined) map.delete(key)
      continue
    }
    if (before !== undefined && deepEqual(before, after)) continue
    const current = map.get(key)
    const plain = plainKeys.has(key)
    if (!plain && isObject(before) && isObject(after) && current instanceof Y.Map) {
      writeChanges(current, before, after)
    } else {
      writeField(map, key, after, plain)
    }
  }
}
