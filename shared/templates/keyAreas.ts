import { getIndices } from '@tldraw/utils'
import type { RecordJson } from '../board/boardDoc'
import { areaShape } from '../board/shapeRecords'
import { FRAME_PADDING } from '../factors/clusterSections'
import { clusterFrame } from './clusterFrame'
import { keyAreaLabels, keyAreaSideLabels } from './keyAreaLabels'
import type { Template, TemplateContext } from './Template'

const COLUMNS = 4
const FRAME_W = 1000
const FRAME_H = 720
const GAP_X = 80
/** Rows leave room above each frame for its name. */
const GAP_Y = 160
const HALF_W = (FRAME_W - 3 * FRAME_PADDING) / 2
const UNSORTED_W = 1000

/** One key area: a cluster frame split into a locked hindering half and a locked enabling half. */
function keyAreaCluster(
  name: string,
  keyArea: string,
  at: { x: number; y: number; index: string },
  halves: { hindering: string; enabling: string },
  context: TemplateContext,
): RecordJson[] {
  const frameId = context.newId('shape')
  const [hinderingIndex, enablingIndex] = getIndices(1)
  const half = (side: 'hindering' | 'enabling', x: number, index: string) =>
    areaShape(
      {
        id: context.newId('shape'),
        x,
        y: FRAME_PADDING,
        index,
        parentId: frameId,
        isLocked: true,
        meta: { area: side },
      },
      {
        w: HALF_W,
        h: FRAME_H - 2 * FRAME_PADDING,
        label: halves[side],
        color: side === 'hindering' ? 'light-red' : 'light-green',
      },
    )
  return [
    clusterFrame({ id: frameId, ...at }, { w: FRAME_W, h: FRAME_H, name }, { keyArea }),
    half('hindering', FRAME_PADDING, hinderingIndex!),
    half('enabling', 2 * FRAME_PADDING + HALF_W, enablingIndex!),
  ]
}

/** Eleven key areas in a grid, each split by polarity, with an unsorted area beside them. */
export const keyAreasTemplate: Template = {
  id: 'key-areas',
  title: { sv: 'Nyckelområden', en: 'Key areas' },
  build(context) {
    const labels = keyAreaSideLabels[context.language]
    const indices = getIndices(keyAreaLabels.length + 1)
    const clusters = keyAreaLabels.flatMap((keyArea, i) =>
      keyAreaCluster(
        keyArea[context.language],
        keyArea.id,
        {
          x: (i % COLUMNS) * (FRAME_W + GAP_X),
          y: Math.floor(i / COLUMNS) * (FRAME_H + GAP_Y),
          index: indices[i]!,
        },
        labels,
        context,
      ),
    )
    const rows = Math.ceil(keyAreaLabels.length / COLUMNS)
    const unsorted = areaShape(
      {
        id: context.newId('shape'),
        x: COLUMNS * (FRAME_W + GAP_X) + GAP_X,
        y: 0,
        index: indices[keyAreaLabels.length]!,
        isLocked: true,
        meta: { area: 'unsorted' },
      },
      {
        w: UNSORTED_W,
        h: rows * FRAME_H + (rows - 1) * GAP_Y,
        label: labels.unsorted,
        color: 'grey',
      },
    )
    return [...clusters, unsorted]
  },
}
