import { getIndicesAbove, type IndexKey } from '@tldraw/utils'
import type { RecordJson } from '../board/boardDoc'
import { frameShape, noteShape } from '../board/shapeRecords'
import type { JsonValue } from '../board/yjsValue'
import type { ImportedFactor } from './parseImport'
import {
  clusterSections,
  SECTION_KEYS,
  sectionFor,
  sectionRect,
  type ClusterSections,
  type SectionKey,
} from './clusterSections'
import { clusterName, isCluster } from './isCluster'
import { freeBand, noteGrid } from './noteGrid'
import { polarityColour } from './polarity'
import { boundsOf, type Rect } from './rect'
import { isFactorRecord, isNoteRecord } from './readFactor'
import { isShape, parentIdOf } from './recordFields'
import { localBounds, pageBounds, recordsById } from './shapeBounds'
import { newClusterSize } from './newClusterSize'

export interface LayoutInput {
  factors: readonly ImportedFactor[]
  /** The board's records as they are now. */
  records: readonly RecordJson[]
  /** Where factors without a cluster go, in page coordinates (see `findUnsortedArea`). */
  area: Rect
  newId: (kind: 'shape') => string
  /** Stamped on every note as `meta.createdAt`. */
  now: number
  author?: string
}

/** Space above a frame for its name, and between new frames. */
const CLUSTER_GAP = 120

function normalName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv')
}

function topIndex(records: readonly RecordJson[]): IndexKey | undefined {
  let top: string | undefined
  for (const record of records) {
    if (isShape(record) && typeof record.index === 'string' && (!top || record.index > top)) {
      top = record.index
    }
  }
  return top as IndexKey | undefined
}

/** Groups factors by the cluster they name, in order of first mention, keeping the name as written. */
function groupByCluster(factors: readonly ImportedFactor[]) {
  const unsorted: ImportedFactor[] = []
  const named = new Map<string, { name: string; factors: ImportedFactor[] }>()
  for (const factor of factors) {
    if (!factor.cluster?.trim()) {
      unsorted.push(factor)
      continue
    }
    const key = normalName(factor.cluster)
    const group = named.get(key) ?? { name: factor.cluster.trim(), factors: [] }
    group.factors.push(factor)
    named.set(key, group)
  }
  return { unsorted, named }
}

interface Slot {
  parentId?: string
  x: number
  y: number
  scale: number
}

/** Slots for factors in a cluster: each in its section, below the notes already there. */
function clusterSlots(
  frameId: string,
  sections: ClusterSections,
  existingNotes: readonly RecordJson[],
  factors: readonly ImportedFactor[],
): Slot[] {
  const occupied = existingNotes.map(localBounds)
  const members: Record<SectionKey, number[]> = { all: [], hindering: [], enabling: [] }
  factors.forEach((factor, i) => {
    const counts = { hindering: members.hindering.length, enabling: members.enabling.length }
    members[sectionFor(sections, factor.polarity, counts)].push(i)
  })
  const slots: Slot[] = []
  for (const key of SECTION_KEYS) {
    if (members[key].length === 0) continue
    const grid = noteGrid(freeBand(sectionRect(sections, key), occupied), members[key].length)
    members[key].forEach((factorIndex, i) => {
      slots[factorIndex] = { parentId: frameId, ...grid.cells[i]!, scale: grid.scale }
    })
  }
  return slots
}

/**
 * Turns imported factors into note records: factors without a cluster in a grid inside
 * `area`, the others inside their cluster (found by name, case-insensitively). Clusters that
 * do not exist yet become new frames in a row below everything on the board. Returns new
 * frames before the notes they hold, so the records can be written in order.
 */
export function layoutFactors(input: LayoutInput): RecordJson[] {
  const { factors, records, area, newId, now, author } = input
  const byId = recordsById(records)
  const { unsorted, named } = groupByCluster(factors)
  const clustersByName = new Map(
    records.filter(isCluster).map((frame) => [normalName(clusterName(frame)), frame]),
  )
  const shapes = records.filter(isShape)
  const board = boundsOf([area, ...shapes.map((shape) => pageBounds(shape, byId))]) ?? area
  let nextFrameX = board.x
  const missing = [...named.keys()].filter((key) => !clustersByName.has(key)).length
  const indices = getIndicesAbove(topIndex(records), missing + factors.length).values()
  const nextIndex = () => indices.next().value as IndexKey
  const frames: RecordJson[] = []
  const placed: { factor: ImportedFactor; slot: Slot }[] = []

  const pageNotes = shapes.filter(isNoteRecord).map((note) => pageBounds(note, byId))
  const grid = noteGrid(freeBand(area, pageNotes), unsorted.length)
  unsorted.forEach((factor, i) => {
    placed.push({ factor, slot: { ...grid.cells[i]!, scale: grid.scale } })
  })

  for (const [key, group] of named) {
    let frame = clustersByName.get(key)
    if (!frame) {
      const size = newClusterSize(group.factors.length)
      frame = frameShape(
        {
          id: newId('shape'),
          x: nextFrameX,
          y: board.y + board.h + CLUSTER_GAP,
          index: nextIndex(),
          meta: { kind: 'cluster' },
        },
        { ...size, name: group.name, color: 'black' },
      )
      nextFrameX += size.w + CLUSTER_GAP
      frames.push(frame)
    }
    const children = records.filter((record) => parentIdOf(record) === frame.id)
    const sections = clusterSections(frame, children)
    const slots = clusterSlots(frame.id, sections, children.filter(isFactorRecord), group.factors)
    group.factors.forEach((factor, i) => placed.push({ factor, slot: slots[i]! }))
  }

  const notes = placed.map(({ factor, slot }) => {
    const noteMeta: { [key: string]: JsonValue } = { polarity: factor.polarity, createdAt: now }
    if (author) noteMeta.author = author
    const note = noteShape(
      { id: newId('shape'), index: nextIndex(), meta: noteMeta, ...slot },
      { text: factor.text, color: polarityColour[factor.polarity] },
    )
    return { ...note, props: { ...(note.props as object), scale: slot.scale } } as RecordJson
  })
  return [...frames, ...notes]
}
