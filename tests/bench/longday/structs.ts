import * as Y from 'yjs'

/** Structs of one kind of place in a doc (e.g. every record's `x`), live and deleted. */
export interface StructRow {
  place: string
  items: number
  deleted: number
}

// Yjs types its shared types by their event; any will do here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyType = Y.AbstractType<any>

/**
 * Where an item lives, as `records/<id>/x` with every record id written as an asterisk, and
 * anything below a record's second level folded into it (`props.richText…`).
 */
function placeOf(item: Y.Item, rootNames: Map<AnyType, string>): string {
  const keys: string[] = []
  let type = item.parent as AnyType
  let key = item.parentSub ?? '[]'
  for (;;) {
    keys.unshift(key)
    if (!type._item) {
      keys.unshift(rootNames.get(type) ?? '?')
      break
    }
    key = type._item.parentSub ?? '[]'
    type = type._item.parent as AnyType
  }
  if (keys[0] !== 'records' || keys.length < 3) return keys.join('/')
  const [root, , field, ...below] = keys
  const inner = below.length > 0 ? `${field}.${below[0]}${below.length > 1 ? '…' : ''}` : field
  return `${root}/*/${inner}`
}

/**
 * Walks a doc's struct store: every Yjs item by the place it was written to, and how many of
 * them are deleted (an overwritten map value, a removed record, deleted text). `gc` counts
 * the struct ranges whose content and place were collected (children of a deleted type).
 */
export function structBreakdown(doc: Y.Doc): { rows: StructRow[]; gcRanges: number } {
  const rootNames = new Map<AnyType, string>()
  for (const [name, type] of doc.share) rootNames.set(type, name)
  const rows = new Map<string, StructRow>()
  let gcRanges = 0
  for (const structs of doc.store.clients.values()) {
    for (const struct of structs) {
      if (!(struct instanceof Y.Item)) {
        gcRanges++
        continue
      }
      const place = placeOf(struct, rootNames)
      const row = rows.get(place) ?? { place, items: 0, deleted: 0 }
      row.items++
      if (struct.deleted) row.deleted++
      rows.set(place, row)
    }
  }
  return { rows: [...rows.values()].sort((a, b) => b.items - a.items), gcRanges }
}
