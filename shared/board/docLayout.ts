import * as Y from 'yjs'
import type { JsonValue } from './yjsValue'

/**
 * What a board's Y.Doc may hold, as a checkable contract: the top-level shared types, the
 * keys of `meta` with the shape of each value, and how deep any value may nest. The server's
 * UpdateGate refuses every change outside it; new doc state is added here first.
 */

export const ROOT_TYPES = ['records', 'meta'] as const
export type RootType = (typeof ROOT_TYPES)[number]

export function isRootType(name: string): name is RootType {
  return (ROOT_TYPES as readonly string[]).includes(name)
}

/**
 * No tldraw record nests anywhere near this deep (rich text is the deepest, about ten); a
 * bound keeps every recursive walk of a value (toJSON, validation) far from the stack limit.
 */
export const MAX_VALUE_DEPTH = 64

export class TooDeepError extends Error {
  constructor() {
    super(`value nests deeper than ${MAX_VALUE_DEPTH} levels`)
  }
}

/**
 * Reads a Yjs value as plain JSON like `toJSON`, but refuses to descend past
 * `MAX_VALUE_DEPTH`, so a value nested thousands deep throws TooDeepError instead of
 * overflowing the stack.
 */
export function boundedJson(value: unknown, depth = 0): JsonValue {
  if (depth > MAX_VALUE_DEPTH) throw new TooDeepError()
  if (value instanceof Y.Map) {
    const out: { [key: string]: JsonValue } = {}
    for (const [key, item] of value.entries()) out[key] = boundedJson(item, depth + 1)
    return out
  }
  if (value instanceof Y.Array) return value.toArray().map((item) => boundedJson(item, depth + 1))
  if (value instanceof Y.Text) return value.toString()
  if (value instanceof Y.AbstractType) throw new Error('unsupported shared type')
  if (value instanceof Uint8Array) throw new Error('binary values are not allowed')
  return plainWithin(value, depth)
}

/** Plain JSON (as Yjs stores it in ContentAny), checked for the same depth bound. */
function plainWithin(value: unknown, depth: number): JsonValue {
  if (depth > MAX_VALUE_DEPTH) throw new TooDeepError()
  if (Array.isArray(value)) return value.map((item) => plainWithin(item, depth + 1))
  if (typeof value === 'object' && value !== null) {
    const out: { [key: string]: JsonValue } = {}
    for (const [key, item] of Object.entries(value)) out[key] = plainWithin(item, depth + 1)
    return out
  }
  if (value === undefined) return null
  return value as JsonValue
}
