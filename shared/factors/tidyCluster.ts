import type { RecordJson } from '../board/boardDoc'
import { POLARITIES } from './Factor'
import {
  clusterSections,
  SECTION_KEYS,
  sectionFor,
  sectionRect,
  type SectionKey,
} from './clusterSections'
import { noteGrid } from './noteGrid'
import { readFactor, isFactorRecord } from './readFactor'
import { readingOrder } from './readingOrder'
import { parentIdOf } from './recordFields'
import { localBounds } from './shapeBounds'

/** Where a note moves to, in its parent's coordinates, and the scale it takes there. */
export interface NotePlacement {
  id: string
  x: number
  y: number
  scale: number
}

/**
 * Re-flows a cluster's notes into a neat grid inside its frame: hindering first, then
 * enabling, then undecided, each keeping its current reading order. `children` are the
 * frame's children; notes among them move, and a key-area frame's polarity halves (if any)
 * keep each polarity on its own side.
 */
export function tidyCluster(cluster: RecordJson, children: readonly RecordJson[]): NotePlacement[] {
  const sections = clusterSections(cluster, children)
  const notes = readingOrder(
    children.filter((child) => isFactorRecord(child) && parentIdOf(child) === cluster.id),
    localBounds,
  )
  const bySection: Record<SectionKey, RecordJson[]> = { all: [], hindering: [], enabling: [] }
  for (const polarity of POLARITIES) {
    for (const note of notes) {
      if (readFactor(note).polarity !== polarity) continue
      const counts = { hindering: bySection.hindering.length, enabling: bySection.enabling.length }
      bySection[sectionFor(sections, polarity, counts)].push(note)
    }
  }
  return SECTION_KEYS.flatMap((key) => {
    const grid = noteGrid(sectionRect(sections, key), bySection[key].length)
    return bySection[key].map((note, i) => ({ id: note.id, ...grid.cells[i]!, scale: grid.scale }))
  })
}
