import { useTranslation } from 'react-i18next'
import { useEditor, useValue } from 'tldraw'
import type * as Y from 'yjs'
import '../i18n'
import { readSynthesisNote } from '../synthesis/synthesisNote'
import { canMerge, mergeNotes, splitOff } from '../synthesis/synthesisEdits'
import { WhyMerged } from '../synthesis/WhyMerged'
import { WordingList } from '../synthesis/WordingList'
import type { WorkshopContext } from './workshopContext'

/**
 * On the plenary board, a selected synthesis note shows each group's own wording of it and
 * why they were merged, so the merged sentence never hides what the groups actually wrote.
 * The facilitator splits a wrong merge with one button per wording, and merges entries by
 * selecting their notes and pressing one button.
 */
export function SynthesisPanel(props: { workshop: WorkshopContext; doc: Y.Doc; canEdit: boolean }) {
  const { workshop, doc, canEdit } = props
  const { groupNames, groupCount } = workshop
  const { t } = useTranslation()
  const editor = useEditor()
  const selected = useValue(
    'selected synthesis notes',
    () =>
      editor
        .getSelectedShapes()
        .map((shape) => ({ id: shape.id as string, note: readSynthesisNote(shape.meta) }))
        .filter((entry) => entry.note !== undefined),
    [editor],
  )
  if (selected.length === 0) return null
  if (selected.length > 1) {
    const ids = selected.map((entry) => entry.id)
    const mergeable = canMerge(doc, ids)
    return (
      <aside className="synthesis-panel" aria-labelledby="synthesis-heading">
        <h2 id="synthesis-heading">{t('workshop.synthesis.mergeHeading')}</h2>
        <p className="muted">
          {mergeable
            ? t('workshop.synthesis.mergeExplain', { count: ids.length })
            : t('workshop.synthesis.mergeNotSame')}
        </p>
        {canEdit && mergeable && (
          <button type="button" className="primary" onClick={() => mergeNotes(doc, ids)}>
            {t('workshop.synthesis.merge', { count: ids.length })}
          </button>
        )}
      </aside>
    )
  }
  const { id, note } = selected[0]!
  if (!note) return null
  const groups = new Set(note.wordings.map((wording) => wording.groupId)).size
  return (
    <aside className="synthesis-panel" aria-labelledby="synthesis-heading">
      <h2 id="synthesis-heading">{t('workshop.synthesis.heading')}</h2>
      <p className="muted">
        {groupCount > 0
          ? t('workshop.synthesis.named', { count: groups, total: groupCount })
          : t('workshop.synthesis.namedBy', { count: groups })}
      </p>
      {note.why && <WhyMerged why={note.why} />}
      <WordingList
        wordings={note.wordings}
        groupNames={groupNames}
        onSplit={canEdit ? (wording) => splitOff(doc, id, wording) : undefined}
      />
      {canEdit && <p className="muted">{t('workshop.synthesis.mergeHint')}</p>}
    </aside>
  )
}
