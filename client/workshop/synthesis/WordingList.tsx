import { useTranslation } from 'react-i18next'
import './synthesis.css'
import type { SynthesisWording } from '../../../shared/workshopContracts'

/**
 * Each group's own wording of an entry. With `onSplit`, every wording of a merged entry gets
 * a button that moves it to a note of its own: one gesture undoes a wrong merge.
 */
export function WordingList(props: {
  wordings: readonly SynthesisWording[]
  groupNames: Record<string, string>
  onSplit?: (wording: SynthesisWording) => void
}) {
  const { t } = useTranslation()
  const { wordings, groupNames, onSplit } = props
  return (
    <ul className="wording-list">
      {wordings.map((wording, i) => {
        const group = groupNames[wording.groupId] ?? wording.groupId
        return (
          <li key={`${wording.groupId}-${wording.factorId}-${i}`}>
            <span className="wording-group">{group}</span>
            <q>{wording.text}</q>
            {onSplit && wordings.length > 1 && (
              <button
                type="button"
                className="quiet"
                aria-label={t('workshop.synthesis.splitLabel', { group, text: wording.text })}
                onClick={() => onSplit(wording)}
              >
                {t('workshop.synthesis.split')}
              </button>
            )}
          </li>
        )
      })}
    </ul>
  )
}
