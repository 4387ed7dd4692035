import { toRichText } from '@tldraw/tlschema'
import type { RecordJson } from './boardDoc'
import type { JsonValue } from './yjsValue'

/**
 * Complete tldraw records built without an editor, for templates, imports and tests. Each
 * factory fills every prop tldraw's schema requires, so the records validate as they are.
 */

export const DOCUMENT_ID = 'document:document'
export const PAGE_ID = 'page:page'

export type Colour =
  | 'black'
  | 'grey'
  | 'light-violet'
  | 'violet'
  | 'blue'
  | 'light-blue'
  | 'yellow'
  | 'orange'
  | 'green'
  | 'light-green'
  | 'light-red'
  | 'red'
  | 'white'

export interface Placement {
  id: string
  x: number
  y: number
  index: string
  parentId?: string
  isLocked?: boolean
  meta?: { [key: string]: JsonValue }
}

function baseShape(type: string, placement: Placement, props: { [key: string]: JsonValue }) {
  return {
    id: placement.id,
    typeName: 'shape',
    type,
    x: placement.x,
    y: placement.y,
    rotation: 0,
    index: placement.index,
    parentId: placement.parentId ?? PAGE_ID,
    isLocked: placement.isLocked ?? false,
    opacity: 1,
    props,
    meta: placement.meta ?? {},
  } satisfies RecordJson
}

export function documentRecord(): RecordJson {
  return { id: DOCUMENT_ID, typeName: 'document', gridSize: 10, name: '', meta: {} }
}

export function pageRecord(name: string): RecordJson {
  return { id: PAGE_ID, typeName: 'page', name, index: 'a1', meta: {} }
}

export function richText(text: string): JsonValue {
  return toRichText(text) as unknown as JsonValue
}

/** A filled rectangle with a label at its top: a template's area. */
export function areaShape(
  placement: Placement,
  area: { w: number; h: number; label: string; color: Colour },
): RecordJson {
  return baseShape('geo', placement, {
    geo: 'rectangle',
    dash: 'draw',
    url: '',
    w: area.w,
    h: area.h,
    growY: 0,
    scale: 1,
    labelColor: 'black',
    color: area.color,
    fill: 'semi',
    size: 'l',
    font: 'sans',
    align: 'middle',
    verticalAlign: 'start',
    richText: richText(area.label),
    flipX: false,
    flipY: false,
  })
}

export function frameShape(
  placement: Placement,
  frame: { w: number; h: number; name: string; color: Colour },
): RecordJson {
  return baseShape('frame', placement, {
    w: frame.w,
    h: frame.h,
    name: frame.name,
    color: frame.color,
  })
}

export function textShape(
  placement: Placement,
  text: { text: string; w: number; size?: 's' | 'm' | 'l' | 'xl' },
): RecordJson {
  return baseShape('text', placement, {
    color: 'black',
    size: text.size ?? 'm',
    font: 'sans',
    textAlign: 'start',
    w: text.w,
    richText: richText(text.text),
    scale: 1,
    autoSize: false,
  })
}

export function noteShape(placement: Placement, note: { text: string; color: Colour }): RecordJson {
  return baseShape('note', placement, {
    color: note.color,
    labelColor: 'black',
    size: 'm',
    font: 'sans',
    fontSizeAdjustment: 1,
    align: 'middle',
    verticalAlign: 'middle',
    growY: 0,
    url: '',
    richText: richText(note.text),
    scale: 1,
    textLastEditedBy: null,
  })
}
