import { getIndicesAbove, type IndexKey } from '@tldraw/utils'
import type { RecordJson } from '../board/boardDoc'
import { PAGE_ID } from '../board/shapeRecords'
import { boundsOf } from '../factors/rect'
import { isShape, meta, parentIdOf, props, type JsonObject } from '../factors/recordFields'
import { pageBounds, recordsById } from '../factors/shapeBounds'
import type { Template } from './Template'

/** A template a facilitator saved from a board: the board's shapes as they were. */
export interface SavedTemplate {
  id: string
  title: string
  records: RecordJson[]
  createdAt: number
}

/** Saved templates' ids start with this, so they never clash with a built-in one. */
export const SAVED_TEMPLATE_PREFIX = 'saved-'

/**
 * The meta a template keeps: what a shape *is* on the board (a factor's polarity, a
 * cluster, an area, a key area or column). Everything else (who wrote a note and when, a
 * plenary entry's groups and wordings) is about people and a day, and never leaves it.
 */
const TEMPLATE_META_KEYS = ['polarity', 'kind', 'area', 'keyArea', 'column'] as const

function withoutPeople(shape: RecordJson): RecordJson {
  const kept: JsonObject = {}
  const shapeMeta = meta(shape)
  for (const key of TEMPLATE_META_KEYS) {
    if (shapeMeta[key] !== undefined) kept[key] = shapeMeta[key]
  }
  const shapeProps = props(shape)
  const cleaned: RecordJson = { ...shape, meta: kept }
  // tldraw's own attribution of a note's first editor.
  if ('textFirstEditedBy' in shapeProps) cleaned.props = { ...shapeProps, textFirstEditedBy: null }
  return cleaned
}

/**
 * The records a template keeps of a board: its shapes, without any trace of who made them
 * or when. Bindings (arrows stuck to shapes) are left out; the arrows stay, unbound.
 */
export function templateShapes(records: readonly RecordJson[]): RecordJson[] {
  return records.filter(isShape).map(withoutPeople)
}

/**
 * Copies of `shapes` with new ids, each child's `parentId` pointing at its parent's new id.
 * Shapes whose parent is not among them land on the page.
 */
export function withFreshIds(shapes: readonly RecordJson[], newId: () => string): RecordJson[] {
  const ids = new Map(shapes.map((shape) => [shape.id, newId()]))
  return shapes.map((shape) => {
    const parentId = parentIdOf(shape)
    return {
      ...shape,
      id: ids.get(shape.id)!,
      parentId: (parentId && ids.get(parentId)) ?? PAGE_ID,
    }
  })
}

export function savedTemplateAsTemplate(saved: SavedTemplate): Template {
  return {
    id: saved.id,
    title: { sv: saved.title, en: saved.title },
    // Scrubbed again on the way out: a row written before scrubbing must not leak either.
    build: ({ newId }) => withFreshIds(templateShapes(saved.records), () => newId('shape')),
  }
}

const MARGIN = 200

/**
 * Moves a template's shapes into free space on a board: to the right of everything there,
 * top-aligned, and stacked above the board's shapes. Children keep their place in their parent.
 */
export function placeBesideBoard(
  board: readonly RecordJson[],
  shapes: readonly RecordJson[],
): RecordJson[] {
  const boardShapes = board.filter(isShape)
  const boardById = recordsById(board)
  const boardBounds = boundsOf(boardShapes.map((shape) => pageBounds(shape, boardById)))
  const shapeById = recordsById(shapes)
  const isTop = (shape: RecordJson) => !shapeById.has(parentIdOf(shape) ?? '')
  const topShapes = shapes.filter(isTop)
  const ownBounds = boundsOf(topShapes.map((shape) => pageBounds(shape, shapeById)))
  const dx = boardBounds && ownBounds ? boardBounds.x + boardBounds.w + MARGIN - ownBounds.x : 0
  const dy = boardBounds && ownBounds ? boardBounds.y - ownBounds.y : 0
  const boardTop = boardShapes
    .filter((shape) => parentIdOf(shape) === PAGE_ID)
    .map((shape) => String(shape.index))
    .sort()
    .at(-1)
  const byIndex = [...topShapes].sort((a, b) => (String(a.index) < String(b.index) ? -1 : 1))
  const indices = getIndicesAbove(boardTop as IndexKey | undefined, byIndex.length)
  const newIndex = new Map(byIndex.map((shape, i) => [shape.id, indices[i]!]))
  return shapes.map((shape) =>
    isTop(shape)
      ? {
          ...shape,
          parentId: PAGE_ID,
          x: Number(shape.x) + dx,
          y: Number(shape.y) + dy,
          index: newIndex.get(shape.id)!,
        }
      : shape,
  )
}
