import { getIndexAbove, type IndexKey } from '@tldraw/utils'
import type { RecordJson } from '../board/boardDoc'
import { PAGE_ID } from '../board/shapeRecords'
import { findUnsortedArea } from '../templates/findUnsortedArea'
import {
  AREA_LABEL_BAND,
  clusterSections,
  FRAME_PADDING,
  sectionFor,
  sectionRect,
} from './clusterSections'
import { isCluster } from './isCluster'
import { freeBand, NOTE_GAP, noteGrid } from './noteGrid'
import { isFactorRecord, isNoteRecord, readFactor } from './readFactor'
import type { Polarity } from './Factor'
import { polarityColour } from './polarity'
import { polaritySides, sideHolding, type PolaritySide } from './polaritySides'
import { inset, intersects, type Rect } from './rect'
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

/** A free spot in `area` (page coordinates) for a note that will be a child of `parentId`. */
function placeInArea(
  others: readonly RecordJson[],
  note: RecordJson,
  area: Rect,
  parentId: string,
): RecordJson {
  const byId = recordsById(others)
  const occupied = others.filter(isNoteRecord).map((other) => pageBounds(other, byId))
  const parent = byId.get(parentId)
  const origin = parent ? pageBounds(parent, byId) : { x: 0, y: 0 }
  const index = getIndexAbove(topIndex(others.filter((other) => parentIdOf(other) === parentId)))
  const local = (at: { x: number; y: number }) => ({ x: at.x - origin.x, y: at.y - origin.y })
  const cell = firstFreeCell(area, occupied)
  if (cell) return placed(note, { parentId, ...local(cell), scale: 1, index })
  const grid = noteGrid(freeBand(area, occupied), 1)
  return placed(note, { parentId, ...local(grid.cells[0]!), scale: grid.scale, index })
}

function placeUnsorted(others: readonly RecordJson[], note: RecordJson): RecordJson {
  return placeInArea(others, note, findUnsortedArea(others), PAGE_ID)
}

/** On a side, below its label; the note takes the side's polarity, as dropping it there does. */
function placeOnSide(
  others: readonly RecordJson[],
  note: RecordJson,
  side: PolaritySide,
): RecordJson {
  const area = inset(side.bounds, {
    top: AREA_LABEL_BAND,
    right: FRAME_PADDING,
    bottom: FRAME_PADDING,
    left: FRAME_PADDING,
  })
  return placeInArea(others, withPolarity(note, side.polarity), area, side.parentId ?? PAGE_ID)
}

/** The note with a polarity in its meta and the colour that shows it. */
export function withPolarity(note: RecordJson, polarity: Polarity): RecordJson {
  return {
    ...note,
    meta: { ...meta(note), polarity },
    props: { ...props(note), color: polarityColour[polarity] },
  }
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
 * of a side (taking the side's polarity), or of the unsorted area when `clusterId` is
 * neither. Returns the records to write: the note, and when its cluster was full, the
 * cluster's other notes re-flowed to make room. Positions inside a cluster are relative to
 * its frame, as tldraw keeps them.
 */
export function placeNote(
  records: readonly RecordJson[],
  note: RecordJson,
  clusterId: string | undefined,
): RecordJson[] {
  const others = records.filter((record) => record.id !== note.id)
  if (!clusterId) return [placeUnsorted(others, note)]
  const frame = others.find((record) => record.id === clusterId && isCluster(record))
  if (frame) return placeInCluster(others, note, frame)
  const side = polaritySides(others, recordsById(others)).find((s) => s.id === clusterId)
  return [side ? placeOnSide(others, note, side) : placeUnsorted(others, note)]
}

/**
 * Where a note goes when its polarity changes to `polarity` while it lies on a side of
 * another polarity (a note's place on a side is its polarity, so it cannot stay): onto the
 * first side of the new polarity, or to the unsorted area. Undefined when it may stay put.
 * The returned note carries the new polarity.
 */
export function moveOffContradictedSide(
  records: readonly RecordJson[],
  note: RecordJson,
  polarity: Polarity,
): RecordJson[] | undefined {
  const byId = recordsById(records)
  const parent = byId.get(parentIdOf(note) ?? '')
  if (parent && isCluster(parent)) return undefined
  const sides = polaritySides(records, byId)
  const current = sideHolding(sides, pageBounds(note, byId))
  if (!current || current.polarity === polarity) return undefined
  const target = sides.find((side) => side.polarity === polarity)
  return placeNote(records, withPolarity(note, polarity), target?.id)
}
