import i18next from 'i18next'
import { NoteShapeUtil, type SvgExportContext, type TLNoteShape } from 'tldraw'
import { polarityLabel } from '../../../shared/factors/polarity'
import { isFactorRecord } from '../../../shared/factors/readFactor'
import { keepWordsWhole } from './keepWordsWhole'
import { PolarityBadge } from './PolarityBadge'
import { asRecordJson, factorOf } from './records'
import './factors.css'

/** Room around a note's text; more than tldraw's default, so the badge never covers a word. */
const LABEL_PADDING = 26

/** The badge's ink per polarity in exports, the same as the open page's. */
const BADGE_INK = { hindering: '#b3261e', enabling: '#1b6e35', undecided: '#4a4a4a' }

/**
 * tldraw's note, unchanged in type, with the factor's polarity badge on top (a template's rule
 * notes are no factors and get none); its text shrinks rather than break a word in the middle.
 */
class FactorNote extends NoteShapeUtil {
  override onBeforeCreate(next: TLNoteShape) {
    const sized = super.onBeforeCreate(next)
    return keepWordsWhole(this, sized ?? next) ?? sized
  }

  override onBeforeUpdate(prev: TLNoteShape, next: TLNoteShape) {
    const sized = super.onBeforeUpdate(prev, next)
    if (!sized) return undefined
    return keepWordsWhole(this, sized) ?? sized
  }

  override component(note: TLNoteShape) {
    return (
      <>
        {super.component(note)}
        {isFactorRecord(asRecordJson(note)) && <PolarityBadge note={note} />}
      </>
    )
  }

  /**
   * Exports (PNG, SVG, PDF, captures) draw from SVG, not from the component: without this the
   * badge, and so the polarity in words, would be lost in every exported image.
   */
  override toSvg(note: TLNoteShape, ctx: SvgExportContext) {
    if (!isFactorRecord(asRecordJson(note))) return super.toSvg(note, ctx)
    const { polarity } = factorOf(note)
    const label = polarityLabel(polarity, i18next.language === 'en' ? 'en' : 'sv')
    const scale = note.props.scale
    const fontSize = 13 * scale
    const width = (label.length * 0.68 + 1.6) * fontSize
    const height = fontSize * 1.9
    return (
      <g>
        {super.toSvg(note, ctx)}
        <g transform={`translate(${6 * scale}, ${6 * scale})`} data-polarity={polarity}>
          <rect
            width={width}
            height={height}
            rx={height / 2}
            fill="#ffffff"
            fillOpacity={0.9}
            stroke={BADGE_INK[polarity]}
            strokeWidth={1.5 * scale}
          />
          <text
            x={width / 2}
            y={height / 2}
            textAnchor="middle"
            dominantBaseline="central"
            fontFamily="'IBM Plex Sans', system-ui, sans-serif"
            fontWeight={700}
            fontSize={fontSize}
            fill={BADGE_INK[polarity]}
          >
            {label}
          </text>
        </g>
      </g>
    )
  }
}

export const FactorNoteShapeUtil = FactorNote.configure({
  getCustomDisplayValues: () => ({ labelPadding: LABEL_PADDING }),
})
