import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Factor } from '../../shared/factors'
import '../workshop/i18n'
import { WhyMerged } from '../workshop/synthesis/WhyMerged'
import { WordingList } from '../workshop/synthesis/WordingList'
import type { OutlineActions, OutlineSynthesis } from './outlineActions'

/**
 * Under a plenary entry in the outline: each group's wording ("Gruppernas formuleringar"),
 * why they were merged, and, for the facilitator, split and merge in one gesture each.
 */
export function SynthesisDetails(props: {
  factor: Factor
  synthesis: OutlineSynthesis
  actions: OutlineActions
}) {
  const { factor, synthesis, actions } = props
  const { t } = useTranslation()
  const id = useId()
  const note = synthesis.noteOf(factor.id)
  const [target, setTarget] = useState('')
  if (!note) return null
  const siblings = (
    actions.clusters.find((c) => c.id === factor.clusterId)?.[factor.polarity] ?? []
  ).filter((other) => other.id !== factor.id && synthesis.noteOf(other.id) !== undefined)
  return (
    <div className="outline-synthesis">
      <h5 id={`${id}-wordings`}>{t('workshop.synthesis.heading')}</h5>
      {note.why && <WhyMerged why={note.why} />}
      <WordingList
        wordings={note.wordings}
        groupNames={synthesis.groupNames}
        onSplit={synthesis.canEdit ? (wording) => synthesis.split(factor.id, wording) : undefined}
      />
      {synthesis.canEdit && siblings.length > 0 && (
        <form
          className="outline-merge"
          onSubmit={(event) => {
            event.preventDefault()
            if (target) synthesis.merge(factor.id, target)
            setTarget('')
          }}
        >
          <label htmlFor={`${id}-merge`}>{t('workshop.synthesis.mergeWith')}</label>
          <select id={`${id}-merge`} value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">{t('workshop.synthesis.mergeChoose')}</option>
            {siblings.map((other) => (
              <option key={other.id} value={other.id}>
                {other.text.split('\n')[0]}
              </option>
            ))}
          </select>
          <button type="submit" disabled={!target}>
            {t('workshop.synthesis.mergeDo')}
          </button>
        </form>
      )}
    </div>
  )
}
