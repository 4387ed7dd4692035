import { getIndices } from '@tldraw/utils'
import { areaShape } from '../board/shapeRecords'
import type { Template } from './Template'

const labels = {
  sv: { hindering: '⊖ Hämmande faktorer', unsorted: 'Osorterat', enabling: '⊕ Främjande faktorer' },
  en: { hindering: '⊖ Hindering factors', unsorted: 'Unsorted', enabling: '⊕ Enabling factors' },
}

const AREA_W = 800
const UNSORTED_W = 600
const AREA_H = 1000
const GAP = 40

/** Two sides, hindering on the left and enabling on the right, with unsorted notes between. */
export const hinderingEnablingTemplate: Template = {
  id: 'hindering-enabling',
  title: { sv: 'Hämmande och främjande faktorer', en: 'Hindering and enabling factors' },
  build({ language, newId }) {
    const text = labels[language]
    const [a, b, c] = getIndices(3) as unknown as [string, string, string]
    const area = { isLocked: true }
    return [
      areaShape(
        { id: newId('shape'), x: 0, y: 0, index: a, ...area, meta: { area: 'hindering' } },
        { w: AREA_W, h: AREA_H, label: text.hindering, color: 'light-red' },
      ),
      areaShape(
        {
          id: newId('shape'),
          x: AREA_W + GAP,
          y: 0,
          index: b,
          ...area,
          meta: { area: 'unsorted' },
        },
        { w: UNSORTED_W, h: AREA_H, label: text.unsorted, color: 'grey' },
      ),
      areaShape(
        {
          id: newId('shape'),
          x: AREA_W + UNSORTED_W + 2 * GAP,
          y: 0,
          index: c,
          ...area,
          meta: { area: 'enabling' },
        },
        { w: AREA_W, h: AREA_H, label: text.enabling, color: 'light-green' },
      ),
    ]
  },
}
