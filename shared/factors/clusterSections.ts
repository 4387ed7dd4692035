import type { RecordJson } from '../board/boardDoc'
import type { Polarity } from './Factor'
import { inset, type Rect } from './rect'
import { meta, numberOr, parentIdOf, props, shapeType } from './recordFields'
import { localBounds } from './shapeBounds'

/** Room kept free inside a frame's edge. */
export const FRAME_PADDING = 20
/** Room kept free at the top of an area for its label. */
export const AREA_LABEL_BAND = 80

export type SplitSide = 'hindering' | 'enabling'

/**
 * Where a cluster's notes go, in the frame's own coordinates. A plain cluster has one
 * section; a key-area cluster is split into a hindering and an enabling half (locked geo
 * areas marked `meta.area`), and each polarity belongs in its half.
 */
export type ClusterSections =
  { split: false; all: Rect } | { split: true; hindering: Rect; enabling: Rect }

export function clusterSections(
  frame: RecordJson,
  children: readonly RecordJson[],
): ClusterSections {
  const half = (side: SplitSide) =>
    children.find(
      (child) =>
        parentIdOf(child) === frame.id && shapeType(child) === 'geo' && meta(child).area === side,
    )
  const hindering = half('hindering')
  const enabling = half('enabling')
  const padding = {
    top: FRAME_PADDING,
    right: FRAME_PADDING,
    bottom: FRAME_PADDING,
    left: FRAME_PADDING,
  }
  if (hindering && enabling) {
    const labelled = { ...padding, top: AREA_LABEL_BAND }
    return {
      split: true,
      hindering: inset(localBounds(hindering), labelled),
      enabling: inset(localBounds(enabling), labelled),
    }
  }
  const p = props(frame)
  return {
    split: false,
    all: inset({ x: 0, y: 0, w: numberOr(p.w, 0), h: numberOr(p.h, 0) }, padding),
  }
}

/**
 * The side an undecided factor joins in a split cluster: the one with fewer notes, so the
 * halves stay balanced; hindering on a tie, since it is read first.
 */
export function sideForUndecided(counts: Record<SplitSide, number>): SplitSide {
  return counts.enabling < counts.hindering ? 'enabling' : 'hindering'
}

/** Which section key a polarity lands in, given the section counts so far. */
export function sectionFor(
  sections: ClusterSections,
  polarity: Polarity,
  counts: Record<SplitSide, number>,
): SectionKey {
  if (!sections.split) return 'all'
  return polarity === 'undecided' ? sideForUndecided(counts) : polarity
}

export type SectionKey = 'all' | SplitSide
export const SECTION_KEYS: readonly SectionKey[] = ['all', 'hindering', 'enabling']

/** A section's rectangle; a split cluster has no 'all' section, so its notes use the hindering half. */
export function sectionRect(sections: ClusterSections, key: SectionKey): Rect {
  if (sections.split) return key === 'enabling' ? sections.enabling : sections.hindering
  return sections.all
}
