import { getIndexAbove, type IndexKey } from '@tldraw/utils'
import type { RecordJson } from '../board/boardDoc'
import { PAGE_ID } from '../board/shapeRecords'
import { findUnsortedArea } from '../templates/findUnsortedArea'
import { clusterSections, sectionFor, sectionRect } from './clusterSections'
import { isCluster } from './isCluster'
import { freeBand, NOTE_GAP, noteGrid } from './noteGrid'
import { isFactorRecord, readFactor } from './readFactor'
import { intersects, type Rect } from './rect'
import { meta, parentIdOf, props, shapeType } from './recordFields'
import { localBounds, NOTE_SIZE, pageBounds, recordsById } from './shapeBounds'
import { tidyCluster } from './tidyCluster'

/** The first full-size cell in `rect`, row by row, that covers nothing already there. */
function firstFreeCell(
  rect: Rect,
  occupied: readonly Rect[],
): { x: number; y: number } | undefined {
  const step = NOTE_SIZE + NOTE_GAP
  const columns = Math.max(1, Math.floor((rect.w + NOTE_GAP) / step))
  for (let y = rect.y; y + NOTE_SIZE <= rect.y + rect.h; y += step) {
    for (let column = 0; column < columns; column++) {
      const cell = { x: rect.x + column * step, y, w: NOTE_SIZE, h: NOTE_SIZE }
      if (!occupied.some((other) => intersects(cell, other))) return { x: cell.x, y: cell.y }
    }
  }
  return undefined
}

function topIndex(siblings: readonly RecordJson[]): IndexKey | undefined {
  const indices = siblings
    .map((sibling) => sibling.index)
    .filter((index): index is string => typeof index === 'string')
    .sort()
  return indices.at(-1) as IndexKey | undefined
}

function placed(
  note: RecordJson,
  at: { parentId: string; x: number; y: number; scale: number; index?: string },
): RecordJson {
  const { scale, ...position } = at
  return { ...note, ...position, props: { ...props(note), scale } }
}

function placeUnsorted(others: readonly RecordJson[], note: RecordJson): RecordJson {
  const byId = recordsById(others)
  const area = findUnsortedArea(others)
  const occupied = others.filter(isFactorRecord).map((other) => pageBounds(other, byId))
  const index = getIndexAbove(topIndex(others.filter((other) => parentIdOf(other) === PAGE_ID)))
  const cell = firstFreeCell(area, occupied)
  if (cell) return placed(note, { parentId: PAGE_ID, ...cell, scale: 1, index })
  const grid = noteGrid(freeBand(area, occupied), 1)
  return placed(note, { parentId: PAGE_ID, ...grid.cells[0]!, scale: grid.scale, index })
}

/** A split cluster's locked halves are where notes go, not obstacles. */
function isSectionArea(record: RecordJson): boolean {
  return shapeType(record) === 'geo' && meta(record).area !== undefined
}

function placeInCluster(
  others: readonly RecordJson[],
  note: RecordJson,
  frame: RecordJson,
): RecordJson[] {
  const children = others.filter((other) => parentIdOf(other) === frame.id)
  const sections = clusterSections(frame, children)
  const notes = children.filter(isFactorRecord)
  const counts = { hindering: 0, enabling: 0 }
  for (const other of notes) {
    const polarity = readFactor(other).polarity
    if (polarity !== 'undecided') counts[polarity]++
  }
  const rect = sectionRect(sections, sectionFor(sections, readFactor(note).polarity, counts))
  const index = getIndexAbove(topIndex(children))
  const occupied = children.filter((child) => !isSectionArea(child)).map(localBounds)
  const cell = firstFreeCell(rect, occupied)
  if (cell) return [placed(note, { parentId: frame.id, ...cell, scale: 1, index })]

  // The section is full: re-flow the whole cluster with the new note last, so nothing spills
  // outside the frame (where the frame would clip it out of sight).
  const incoming = placed(note, {
    parentId: frame.id,
    x: rect.x,
    y: rect.y + rect.h + NOTE_SIZE,
    scale: 1,
    index,
  })
  const all = [...children, incoming]
  const byId = new Map(all.map((record) => [record.id, record]))
  return tidyCluster(frame, all).map(({ id, x, y, scale }) =>
    placed(byId.get(id)!, { parentId: frame.id, x, y, scale }),
  )
}

/**
 * Where a note (new or moved) goes: into a free cell of a cluster's section for its polarity,
 * or of the unsorted area when `clusterId` is not a cluster. Returns the records to write:
 * the note, and when its cluster was full, the cluster's other notes re-flowed to make room.
 * Positions inside a cluster are relative to its frame, as tldraw keeps them.
 */
export function placeNote(
  records: readonly RecordJson[],
  note: RecordJson,
  clusterId: string | undefined,
): RecordJson[] {
  const others = records.filter((record) => record.id !== note.id)
  const frame = clusterId
    ? others.find((record) => record.id === clusterId && isCluster(record))
    : undefined
  return frame ? placeInCluster(others, note, frame) : [placeUnsorted(others, note)]
}
