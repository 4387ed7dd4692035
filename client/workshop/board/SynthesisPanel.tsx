import { useTranslation } from 'react-i18next'
import { useEditor, useValue } from 'tldraw'
import { wordingsOf } from '../../../shared/workshop/synthesisWordings'
import '../i18n'
import type { WorkshopContext } from './workshopContext'

/**
 * On the plenary board, a selected synthesis note shows each group's own wording of it, so
 * the merged sentence never hides what the groups actually wrote.
 */
export function SynthesisPanel({ workshop }: { workshop: WorkshopContext }) {
  const { groupNames, groupCount } = workshop
  const { t } = useTranslation()
  const editor = useEditor()
  const wordings = useValue(
    'selected synthesis wordings',
    () => wordingsOf(editor.getOnlySelectedShape()?.meta),
    [editor],
  )
  if (wordings.length === 0) return null
  const groups = new Set(wordings.map((wording) => wording.groupId)).size
  return (
    <aside className="synthesis-panel" aria-labelledby="synthesis-heading">
      <h2 id="synthesis-heading">{t('workshop.synthesis.heading')}</h2>
      <p className="muted">
        {groupCount > 0
          ? t('workshop.synthesis.named', { count: groups, total: groupCount })
          : t('workshop.synthesis.namedBy', { count: groups })}
      </p>
      <ul>
        {wordings.map((wording, i) => (
          <li key={`${wording.groupId}-${wording.factorId}-${i}`}>
            <span className="wording-group">{groupNames[wording.groupId] ?? wording.groupId}</span>
            <q>{wording.text}</q>
          </li>
        ))}
      </ul>
    </aside>
  )
}
