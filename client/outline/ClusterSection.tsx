import { useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { polarityIcon, type ClusterOutcome, type Factor, type Polarity } from '../../shared/factors'
import { ItemVote } from '../day/votes/ItemVote'
import { clusterLabel } from './ClusterSelect'
import { FactorItem } from './FactorItem'
import type { OutlineActions } from './outlineActions'
import { polarityWordFor } from './polarityWords'

/** A cluster: its name as a heading with counts, then its factors grouped by polarity. */
export function ClusterSection({
  cluster,
  actions,
}: {
  cluster: ClusterOutcome
  actions: OutlineActions
}) {
  const { t } = useTranslation()
  const headingId = useId()
  const [renaming, setRenaming] = useState(false)
  const renameButton = useRef<HTMLButtonElement>(null)
  const name = clusterLabel(cluster.name, t('outline.unnamed'))
  const total = cluster.hindering.length + cluster.enabling.length + cluster.undecided.length

  return (
    <section className="outline-cluster" aria-labelledby={headingId} data-cluster-id={cluster.id}>
      <div className="outline-cluster-head">
        <h3 id={headingId}>{name}</h3>
        <p className="outline-counts">
          {t('outline.clusterCounts', {
            hindering: cluster.hindering.length,
            enabling: cluster.enabling.length,
            undecided: cluster.undecided.length,
            total,
          })}
        </p>
        <ItemVote itemId={cluster.id} text={name} kind="clusters" />
        {/* A side's name is the template's locked label. */}
        {!actions.readOnly && !cluster.side && (
          <button
            ref={renameButton}
            type="button"
            className="quiet"
            aria-expanded={renaming}
            aria-label={t('outline.rename.openLabel', { name })}
            onClick={() => setRenaming(!renaming)}
          >
            {t('outline.rename.open')}
          </button>
        )}
      </div>
      {renaming && (
        <RenameForm
          name={cluster.name}
          onSave={(next) => actions.renameCluster(cluster.id, next)}
          onClose={() => {
            setRenaming(false)
            renameButton.current?.focus()
          }}
        />
      )}
      {total === 0 ? (
        <p className="muted">{t('outline.emptyCluster')}</p>
      ) : (
        <div className="outline-polarities">
          {(['hindering', 'enabling', 'undecided'] as const).map((polarity) => (
            <PolarityGroup
              key={polarity}
              polarity={polarity}
              factors={cluster[polarity]}
              actions={actions}
            />
          ))}
        </div>
      )}
    </section>
  )
}

function PolarityGroup(props: { polarity: Polarity; factors: Factor[]; actions: OutlineActions }) {
  const { i18n } = useTranslation()
  const { polarity, factors } = props
  if (factors.length === 0 && polarity === 'undecided') return null
  const word = polarityWordFor(i18n.language, polarity)
  return (
    <div className={`outline-polarity outline-polarity-${polarity}`}>
      <h4>
        <span aria-hidden="true" className="polarity-icon">
          {polarityIcon[polarity]}
        </span>{' '}
        {word.charAt(0).toLocaleUpperCase() + word.slice(1)}{' '}
        <span className="outline-count">({factors.length})</span>
      </h4>
      {factors.length > 0 && (
        <ul className="factor-list">
          {factors.map((factor) => (
            <FactorItem key={factor.id} factor={factor} actions={props.actions} />
          ))}
        </ul>
      )}
    </div>
  )
}

function RenameForm(props: { name: string; onSave: (name: string) => void; onClose: () => void }) {
  const { t } = useTranslation()
  const id = useId()
  const [name, setName] = useState(props.name)
  const save = (event: FormEvent) => {
    event.preventDefault()
    if (name.trim() === '') return
    props.onSave(name.trim())
    props.onClose()
  }
  return (
    <form
      className="outline-rename"
      onSubmit={save}
      onKeyDown={(event) => {
        if (event.key === 'Escape') props.onClose()
      }}
    >
      <label htmlFor={id}>{t('outline.rename.label')}</label>
      <input
        id={id}
        autoFocus
        required
        maxLength={200}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <div className="row">
        <button type="submit" className="primary">
          {t('outline.rename.save')}
        </button>
        <button type="button" onClick={props.onClose}>
          {t('outline.rename.cancel')}
        </button>
      </div>
    </form>
  )
}
