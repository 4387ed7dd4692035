import { b64Vecs, type VecModel } from '@tldraw/tlschema'
import type { RecordJson } from '../../../shared/board/boardDoc'
import { documentRecord, noteShape, PAGE_ID, pageRecord } from '../../../shared/board/shapeRecords'

export const FRAMES_PER_SECOND = 60
export const STROKE_POINTS = 1800
export const DRAG_FRAMES = 1800
/** tldraw's draw tool ends a shape and starts a new one after this many points. */
const MAX_POINTS_PER_SHAPE = 600

/** One recorded editor change: the complete new state of each record it touched. */
export type Frame = RecordJson[]

export interface Replay {
  name: string
  /** Records present before the replay starts (not counted). */
  initial: RecordJson[]
  frames: Frame[]
  /** Ids of the records the replay builds or moves, for the final size. */
  subjectIds: string[]
}

function drawShape(
  id: string,
  index: string,
  origin: VecModel,
  points: VecModel[],
  isComplete: boolean,
): RecordJson {
  return {
    id,
    typeName: 'shape',
    type: 'draw',
    x: origin.x,
    y: origin.y,
    rotation: 0,
    index,
    parentId: PAGE_ID,
    isLocked: false,
    opacity: 1,
    props: {
      color: 'black',
      fill: 'none',
      dash: 'draw',
      size: 'm',
      segments: [{ type: 'free', path: b64Vecs.encodePoints(points) }],
      isComplete,
      isClosed: false,
      isPen: true,
      scale: 1,
      scaleX: 1,
      scaleY: 1,
    },
    meta: {},
  }
}

/** A pen moving in loops across the page, sampled at 60 Hz, with varying pressure. */
function penPoint(i: number): VecModel {
  const t = i / FRAMES_PER_SECOND
  return {
    x: 100 + t * 40 + 25 * Math.sin(t * 5.3),
    y: 300 + 60 * Math.sin(t * 1.1) + 25 * Math.cos(t * 5.3),
    z: 0.5 + 0.2 * Math.sin(t * 2.7),
  }
}

/**
 * A 30 s pen stroke: one point per frame, each frame re-encoding the shape's whole path as
 * tldraw's draw tool does (`b64Vecs.encodePoints` of all points, positions relative to the
 * shape). Like tldraw, a shape is completed after 600 points and the stroke goes on in a
 * new shape, so 1,800 points end up as three shapes.
 */
export function penStroke(): Replay {
  const frames: Frame[] = []
  const subjectIds: string[] = []
  let shapeId = ''
  let index = ''
  let origin: VecModel = { x: 0, y: 0 }
  let points: VecModel[] = []
  for (let i = 0; i < STROKE_POINTS; i++) {
    const frame: Frame = []
    const page = penPoint(i)
    if (points.length === MAX_POINTS_PER_SHAPE) {
      frame.push(drawShape(shapeId, index, origin, points, true))
      points = []
    }
    if (points.length === 0) {
      shapeId = `shape:stroke${subjectIds.length + 1}`
      index = `a${subjectIds.length + 2}`
      origin = { x: page.x, y: page.y }
      subjectIds.push(shapeId)
    }
    points.push({ x: page.x - origin.x, y: page.y - origin.y, z: page.z })
    frame.push(drawShape(shapeId, index, origin, points, false))
    frames.push(frame)
  }
  const last = frames.at(-1)!
  last[last.length - 1] = drawShape(shapeId, index, origin, points, true)
  return {
    name: 'pen stroke',
    initial: [documentRecord(), pageRecord('Page 1')],
    frames,
    subjectIds,
  }
}

/** A 30 s drag of one note: x and y change every frame, nothing else. */
export function noteDrag(): Replay {
  const placement = { id: 'shape:dragged', x: 0, y: 0, index: 'a2' }
  const note = noteShape(placement, { text: 'Tidsbrist i verksamheten', color: 'yellow' })
  const frames: Frame[] = []
  for (let i = 1; i <= DRAG_FRAMES; i++) {
    const t = i / FRAMES_PER_SECOND
    frames.push([
      {
        ...note,
        x: Math.round(400 * Math.sin(t * 0.7) * 100) / 100,
        y: Math.round(200 * Math.cos(t * 0.9) * 100) / 100,
      },
    ])
  }
  return {
    name: 'note drag',
    initial: [documentRecord(), pageRecord('Page 1'), note],
    frames,
    subjectIds: [note.id],
  }
}
