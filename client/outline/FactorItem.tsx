import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { polarityIcon, type Factor, type Polarity } from '../../shared/factors'
import { ItemVote } from '../day/votes/ItemVote'
import { ClusterSelect, UNSORTED } from './ClusterSelect'
import type { OutlineActions } from './outlineActions'
import { PolarityChoice } from './PolarityChoice'
import { SynthesisDetails } from './SynthesisDetails'

/**
 * One factor: its text, author and an "Edit" button that opens a small form to change the
 * text, the polarity and the cluster at once. One tab stop per factor keeps long lists calm.
 */
export function FactorItem({ factor, actions }: { factor: Factor; actions: OutlineActions }) {
  const { t } = useTranslation()
  const [editing, setEditing] = useState(false)
  const editButton = useRef<HTMLButtonElement>(null)
  const target = actions.focusTarget
  const wantsFocus =
    target?.factorId === factor.id &&
    target.clusterId === factor.clusterId &&
    target.polarity === factor.polarity

  useEffect(() => {
    if (!wantsFocus) return
    editButton.current?.focus()
    actions.focusDone()
  }, [wantsFocus, actions])

  return (
    <li className={`factor factor-${factor.polarity}`} data-factor-id={factor.id}>
      <span className="factor-icon" aria-hidden="true">
        {polarityIcon[factor.polarity]}
      </span>
      <div className="factor-body">
        <p className="factor-text">{factor.text}</p>
        {factor.author && (
          <p className="factor-author">{t('outline.by', { author: factor.author })}</p>
        )}
        {actions.synthesis && (
          <SynthesisDetails factor={factor} synthesis={actions.synthesis} actions={actions} />
        )}
        {editing && (
          <EditFactorForm
            factor={factor}
            actions={actions}
            onClose={() => {
              setEditing(false)
              editButton.current?.focus()
            }}
          />
        )}
        <ItemVote itemId={factor.id} text={factor.text} kind="notes" />
      </div>
      {!actions.readOnly && (
        <button
          ref={editButton}
          type="button"
          className="quiet"
          aria-expanded={editing}
          aria-label={t('outline.edit.openLabel', { text: factor.text })}
          onClick={() => setEditing(!editing)}
        >
          {t('outline.edit.open')}
        </button>
      )}
    </li>
  )
}

function EditFactorForm(props: { factor: Factor; actions: OutlineActions; onClose: () => void }) {
  const { t } = useTranslation()
  const { factor, actions } = props
  const id = useId()
  const [text, setText] = useState(factor.text)
  const [polarity, setPolarity] = useState<Polarity>(factor.polarity)
  const [clusterId, setClusterId] = useState(factor.clusterId ?? UNSORTED)
  const [problem, setProblem] = useState<string>()

  const save = (event: { preventDefault(): void }) => {
    event.preventDefault()
    if (text.trim() === '') return setProblem(t('outline.emptyText'))
    actions.updateFactor(factor, { text: text.trim(), polarity, clusterId: clusterId || undefined })
    props.onClose()
  }

  return (
    <form
      className="factor-edit"
      onSubmit={save}
      onKeyDown={(event) => {
        if (event.key === 'Escape') props.onClose()
      }}
    >
      <label htmlFor={`${id}-text`}>{t('outline.edit.text')}</label>
      <textarea
        id={`${id}-text`}
        autoFocus
        rows={2}
        value={text}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey) save(event)
        }}
      />
      {problem && (
        <p id={`${id}-problem`} className="error" role="alert">
          {problem}
        </p>
      )}
      <PolarityChoice legend={t('outline.edit.polarity')} value={polarity} onChange={setPolarity} />
      <ClusterSelect
        id={`${id}-cluster`}
        label={t('outline.edit.cluster')}
        clusters={actions.clusters}
        value={clusterId}
        onChange={setClusterId}
      />
      <div className="row">
        <button type="submit" className="primary">
          {t('outline.edit.save')}
        </button>
        <button type="button" onClick={props.onClose}>
          {t('outline.edit.cancel')}
        </button>
      </div>
    </form>
  )
}
