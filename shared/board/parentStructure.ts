import * as Y from 'yjs'
import { recordsMap } from './boardDoc'

/**
 * tldraw's schema checks each record alone; a board also needs the records to fit together:
 * every shape's chain of parents must end at a page that exists. A shape parented to itself,
 * two frames parented to each other, or a parent that is gone freeze tldraw for everyone who
 * opens the board, so such structure is found here and repaired by moving the offending shapes
 * onto a page, as Excalidraw's restore repairs a scene.
 */

export interface ParentLink {
  typeName: unknown
  parentId: unknown
}

export type LinkLookup = (id: string) => ParentLink | undefined

/**
 * The shapes among `ids` (and their ancestors) whose parent chain does not end at a page:
 * for a missing parent the shape that points to it, for a cycle one member of it (one in
 * `prefer` if any, else the smallest id), so moving just these onto a page repairs all.
 * Each chain is walked once, without recursion.
 */
export function brokenParents(
  lookup: LinkLookup,
  ids: Iterable<string>,
  prefer: ReadonlySet<string> = new Set(),
): string[] {
  const sound = new Set<string>()
  const broken = new Set<string>()
  for (const start of ids) {
    const path: string[] = []
    const onPath = new Set<string>()
    let current = start
    for (;;) {
      if (sound.has(current) || broken.has(current)) break
      const link = lookup(current)
      if (!link || link.typeName !== 'shape') break
      path.push(current)
      onPath.add(current)
      const parentId = link.parentId
      const parent = typeof parentId === 'string' ? lookup(parentId) : undefined
      if (parent?.typeName === 'page') break
      if (!parent || parent.typeName !== 'shape') {
        broken.add(current)
        break
      }
      const next = parentId as string
      if (onPath.has(next)) {
        const cycle = path.slice(path.indexOf(next))
        broken.add(cycle.find((id) => prefer.has(id)) ?? [...cycle].sort()[0]!)
        break
      }
      current = next
    }
    for (const id of path) if (!broken.has(id)) sound.add(id)
  }
  return [...broken]
}

/** The id of the board's first page (by index), where repaired shapes go. */
export function firstPageId(
  pages: Iterable<{ id: string; typeName: unknown; index?: unknown }>,
): string | undefined {
  let first: { id: string; index: string } | undefined
  for (const record of pages) {
    if (record.typeName !== 'page') continue
    const index = typeof record.index === 'string' ? record.index : ''
    if (!first || index < first.index) first = { id: record.id, index }
  }
  return first?.id
}

function docLookup(records: Y.Map<Y.Map<unknown>>): LinkLookup {
  return (id) => {
    const map = records.get(id)
    return map instanceof Y.Map
      ? { typeName: map.get('typeName'), parentId: map.get('parentId') }
      : undefined
  }
}

/**
 * Moves every shape with a broken parent chain onto the first page, in one transaction with
 * `origin`. `ids` narrows the search (the records an update touched, and those that pointed at
 * deleted ones); by default every record is checked. Returns the ids it moved.
 */
export function repairParents(
  doc: Y.Doc,
  origin: unknown,
  ids?: Iterable<string>,
  prefer?: ReadonlySet<string>,
): string[] {
  const records = recordsMap(doc)
  const broken = brokenParents(docLookup(records), ids ?? records.keys(), prefer)
  if (broken.length === 0) return []
  const pages = [...records.entries()].map(([id, map]) => ({
    id,
    typeName: map instanceof Y.Map ? map.get('typeName') : undefined,
    index: map instanceof Y.Map ? map.get('index') : undefined,
  }))
  const page = firstPageId(pages)
  if (!page) return []
  doc.transact(() => {
    for (const id of broken) records.get(id)!.set('parentId', page)
  }, origin)
  return broken
}

/** Ids of shapes whose parent is one of `ids`, to recheck after those were deleted. */
export function childrenOf(doc: Y.Doc, ids: ReadonlySet<string>): string[] {
  const children: string[] = []
  for (const [id, map] of recordsMap(doc).entries()) {
    if (!(map instanceof Y.Map)) continue
    const parentId = map.get('parentId')
    if (typeof parentId === 'string' && ids.has(parentId)) children.push(id)
  }
  return children
}
