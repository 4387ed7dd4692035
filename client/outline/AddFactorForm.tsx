import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClusterOutcome, Polarity } from '../../shared/factors'
import { ClusterSelect, UNSORTED } from './ClusterSelect'
import { PolarityChoice } from './PolarityChoice'

/**
 * Adds a factor with its polarity, into a cluster or unsorted. The text field keeps focus
 * afterwards, so a person can write one factor after another. `onAdd` answers why it could
 * not add, if it could not: the text then stays, to add once there is room.
 */
export function AddFactorForm(props: {
  clusters: readonly ClusterOutcome[]
  onAdd: (factor: {
    text: string
    polarity: Polarity
    clusterId: string | undefined
  }) => string | undefined
}) {
  const { t } = useTranslation()
  const id = useId()
  const [text, setText] = useState('')
  const [polarity, setPolarity] = useState<Polarity>('undecided')
  const [clusterId, setClusterId] = useState(UNSORTED)
  const [problem, setProblem] = useState<string>()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (text.trim() === '') return setProblem(t('outline.emptyText'))
    const refusal = props.onAdd({ text: text.trim(), polarity, clusterId: clusterId || undefined })
    setProblem(refusal)
    if (refusal) return
    setText('')
    document.getElementById(`${id}-text`)?.focus()
  }

  return (
    <section className="outline-add" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('outline.add.heading')}</h3>
      <form onSubmit={submit}>
        <label htmlFor={`${id}-text`}>{t('outline.add.text')}</label>
        <input
          id={`${id}-text`}
          value={text}
          maxLength={2000}
          autoComplete="off"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(event) => setText(event.target.value)}
        />
        {problem && (
          <p id={`${id}-problem`} className="error" role="alert">
            {problem}
          </p>
        )}
        <div className="outline-add-choices">
          <PolarityChoice
            legend={t('outline.add.polarity')}
            value={polarity}
            onChange={setPolarity}
          />
          <div className="outline-add-cluster">
            <ClusterSelect
              id={`${id}-cluster`}
              label={t('outline.add.cluster')}
              clusters={props.clusters}
              value={clusterId}
              onChange={setClusterId}
            />
          </div>
        </div>
        <button type="submit" className="primary">
          {t('outline.add.submit')}
        </button>
      </form>
    </section>
  )
}
