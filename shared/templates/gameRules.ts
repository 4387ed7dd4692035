import { getIndices } from '@tldraw/utils'
import { areaShape, noteShape, textShape } from '../board/shapeRecords'
import { noteGrid } from '../factors/noteGrid'
import { RULE_NOTE_KIND } from '../factors/readFactor'
import type { Template } from './Template'

/** Example agreements a group starts from and rewrites into its own. */
const labels = {
  sv: {
    heading: 'Spelregler',
    area: 'Våra överenskommelser: hur vill vi arbeta tillsammans?',
    examples: [
      'Arbetet ska vara transparent',
      'Vi vågar göra fel',
      'Vi tar oss tid att reflektera',
      'Alla kommer till tals',
      'Vi lyssnar för att förstå',
      'Vi utgår från invånarnas behov',
      'Det som sägs i rummet stannar i rummet',
    ],
  },
  en: {
    heading: 'Game rules',
    area: 'Our agreements: how do we want to work together?',
    examples: [
      'The work is transparent',
      'We dare to make mistakes',
      'We take time to reflect',
      'Everyone gets to speak',
      'We listen to understand',
      "We start from citizens' needs",
      'What is said in the room stays in the room',
    ],
  },
}

const AREA = { x: 0, y: 120, w: 1400, h: 1000 }
const LABEL_BAND = 100
const PADDING = 40

/**
 * A locked heading and area for the group's agreements, with example notes to edit. The
 * examples are rule notes, not factors: no polarity, never counted as unsorted.
 */
export const gameRulesTemplate: Template = {
  id: 'game-rules',
  title: { sv: 'Spelregler', en: 'Game rules' },
  build({ language, newId }) {
    const text = labels[language]
    const indices = getIndices(text.examples.length + 2)
    const grid = noteGrid(
      {
        x: AREA.x + PADDING,
        y: AREA.y + LABEL_BAND,
        w: AREA.w - 2 * PADDING,
        h: AREA.h - LABEL_BAND - PADDING,
      },
      text.examples.length,
    )
    return [
      textShape(
        { id: newId('shape'), x: 0, y: 0, index: indices[0]!, isLocked: true },
        { text: text.heading, w: AREA.w, size: 'xl' },
      ),
      areaShape(
        {
          id: newId('shape'),
          x: AREA.x,
          y: AREA.y,
          index: indices[1]!,
          isLocked: true,
          meta: { area: 'agreements' },
        },
        { w: AREA.w, h: AREA.h, label: text.area, color: 'light-blue' },
      ),
      ...text.examples.map((example, i) =>
        noteShape(
          {
            id: newId('shape'),
            ...grid.cells[i]!,
            index: indices[i + 2]!,
            meta: { kind: RULE_NOTE_KIND },
          },
          { text: example, color: 'yellow' },
        ),
      ),
    ]
  },
}
