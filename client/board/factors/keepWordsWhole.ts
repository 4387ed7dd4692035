import {
  getDisplayValues,
  renderHtmlFromRichTextForMeasurement,
  renderPlaintextFromRichText,
  type Editor,
  type NoteShapeOptions,
  type NoteShapeUtilDisplayValues,
  type TLNoteShape,
} from 'tldraw'

/** Below this size on the note (at scale 1) text stops shrinking and may break after all. */
const SMALLEST_FONT_PX = 9
/** The browser's measurements are fractional; a word this close to the edge still fits. */
const FUZZ = 1
/** tldraw breaks words only once it has shrunk the text to this size; above it all fit. */
const TLDRAW_SMALLEST_PX = 14
/** Only the longest few words (by letters) can be the widest; measuring is a layout each. */
const CANDIDATES = 3

/**
 * tldraw shrinks a note's text to 14 px and then breaks long words anywhere
 * ("kompetensutvecklin/g"). Swedish compounds are long, so this shrinks the text further until
 * its longest word fits on one line, and grows the note to the height the text then needs.
 * Returns the adjusted note, or undefined when every word already fits.
 */
export function keepWordsWhole(
  util: { editor: Editor; options: NoteShapeOptions },
  note: TLNoteShape,
): (TLNoteShape & { props: { fontSizeAdjustment: number } }) | undefined {
  const editor = util.editor
  const dv = getDisplayValues<TLNoteShape, NoteShapeUtilDisplayValues>(util, note)
  const fontSize = dv.labelFontSize * (note.props.fontSizeAdjustment || 1)
  if (fontSize > TLDRAW_SMALLEST_PX + 0.5) return undefined
  const words = renderPlaintextFromRichText(editor, note.props.richText)
    .split(/\s+/)
    .sort((a, b) => b.length - a.length)
    .slice(0, CANDIDATES)
  const available = dv.noteWidth - dv.labelPadding * 2 - FUZZ
  const measure = (size: number, maxWidth: number | null, html: string) =>
    editor.textMeasure.measureHtml(html, {
      fontFamily: dv.labelFontFamily,
      fontSize: size,
      lineHeight: dv.labelLineHeight,
      fontWeight: dv.labelFontWeight,
      fontStyle: dv.labelFontStyle,
      padding: '0px',
      maxWidth,
      disableOverflowWrapBreaking: true,
    })
  const widest = Math.max(
    0,
    ...words.filter(Boolean).map((word) => measure(fontSize, null, escapeHtml(word)).w),
  )
  if (widest <= available) return undefined
  const smaller = Math.max(SMALLEST_FONT_PX, Math.floor((fontSize * available) / widest))
  if (smaller >= fontSize) return undefined
  const html = renderHtmlFromRichTextForMeasurement(editor, note.props.richText)
  const height = measure(smaller, available, html).h + dv.labelPadding * 2
  return {
    ...note,
    props: {
      ...note.props,
      fontSizeAdjustment: smaller / dv.labelFontSize,
      growY: Math.max(0, height - dv.noteHeight),
    },
  }
}

function escapeHtml(text: string) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
