import { useTranslation } from 'react-i18next'
import { useEditor, useValue, type TLNoteShape } from 'tldraw'
import { polarityIcon } from '../../../shared/factors/polarity'
import { useBoardSettings } from './BoardSettingsContext'
import { cyclePolarity } from './polarityCommands'
import { formatNoteTime } from './noteTime'
import { factorOf } from './records'

/**
 * The polarity of a note as icon and word (its colour says it a third way). One click
 * switches it. Who wrote the note, and when, shows while the note is hovered or selected.
 */
export function PolarityBadge({ note }: { note: TLNoteShape }) {
  const editor = useEditor()
  const { t, i18n } = useTranslation()
  const { settings } = useBoardSettings()
  const factor = factorOf(note)
  const word = t(`factors.${factor.polarity}`)
  const showsSignature = useValue(
    'note in focus',
    () => editor.getHoveredShapeId() === note.id || editor.getSelectedShapeIds().includes(note.id),
    [editor, note.id],
  )
  const time = factor.createdAt ? formatNoteTime(factor.createdAt, i18n.language) : ''
  const author = settings.anonymous ? undefined : factor.author
  const signature = author
    ? t('factors.writtenBy', { author, time })
    : time
      ? t('factors.writtenAt', { time })
      : ''
  const scale = note.props.scale
  // Every badge is a tab stop: its name must say which note it belongs to.
  const text = factor.text.replace(/\s+/g, ' ').trim()
  const label = text
    ? t('factors.badge', { word, text: text.length > 80 ? `${text.slice(0, 79)}…` : text })
    : t('factors.badgeEmpty', { word })

  return (
    <>
      <button
        type="button"
        className={`factor-badge factor-badge-${factor.polarity}`}
        style={{ fontSize: 13 * scale, top: 6 * scale, left: 6 * scale }}
        title={signature || undefined}
        aria-label={label}
        data-testid="polarity-badge"
        onPointerDown={(event) => editor.markEventAsHandled(event)}
        onClick={() => cyclePolarity(editor, [note.id])}
      >
        <span aria-hidden="true">{polarityIcon[factor.polarity]}</span> {word}
      </button>
      {showsSignature && signature && (
        <div
          className="factor-signature"
          style={{ fontSize: 11 * scale, top: -20 * scale }}
          data-testid="factor-signature"
        >
          {signature}
        </div>
      )}
    </>
  )
}
