import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { countOutcome } from '../../shared/factors'
import { ClusterSection } from './ClusterSection'
import { AddFactorForm } from './AddFactorForm'
import { FactorItem } from './FactorItem'
import { useFactorActions } from './useFactorActions'
import { useOutcome } from './useOutcome'
import './strings'
import './outline.css'

/**
 * The board as a structured list: clusters with their factors by polarity, then the unsorted
 * ones. It reads and writes the same Y.Doc as the canvas, so both stay in step for everyone.
 * It is the keyboard and screen-reader way to take part, and the quickest way to read a result.
 */
export function OutlineView(props: {
  doc: Y.Doc
  author?: string
  readOnly?: boolean
  /** Records the board may hold. */
  maxRecords: number
  /** On a workshop's board: group names for the plenary's wordings, and who may edit them. */
  synthesis?: { groupNames: Record<string, string>; canEdit: boolean }
}) {
  const { doc, author, readOnly = false, maxRecords, synthesis } = props
  const { t } = useTranslation()
  const outcome = useOutcome(doc)
  const counts = countOutcome(outcome)
  const { actions, add, announcement } = useFactorActions({
    doc,
    outcome,
    author,
    readOnly,
    maxRecords,
    synthesis,
  })

  return (
    // A viewer's outline may hold nothing focusable; the scroll area itself then takes focus,
    // so a keyboard can scroll it.
    <main className="outline" aria-labelledby="outline-heading" tabIndex={readOnly ? 0 : undefined}>
      <div className="outline-inner">
        <header className="outline-header">
          <h2 id="outline-heading">{t('outline.heading')}</h2>
          <p className="muted">{t('outline.intro')}</p>
          {/* Two sums that each add up to the total: by polarity, and by where factors are. */}
          <p className="outline-summary" data-testid="outline-summary">
            {t('outline.summary', {
              total: counts.total,
              hindering: counts.hindering,
              enabling: counts.enabling,
              undecided: counts.undecided,
            })}
            <br />
            {t('outline.placement', {
              sorted: counts.total - counts.unsorted.total,
              unsorted: counts.unsorted.total,
            })}
          </p>
        </header>
        {!readOnly && (
          <AddFactorForm
            clusters={outcome.clusters}
            onAdd={(factor) => {
              const added = add(factor)
              return added.ok ? undefined : added.problem
            }}
          />
        )}
        {outcome.clusters.length === 0 && <p className="muted">{t('outline.noClusters')}</p>}
        {outcome.clusters.map((cluster) => (
          <ClusterSection key={cluster.id} cluster={cluster} actions={actions} />
        ))}
        <section className="outline-cluster outline-unsorted" aria-labelledby="outline-unsorted">
          <div className="outline-cluster-head">
            <h3 id="outline-unsorted">{t('outline.unsorted')}</h3>
            <p className="outline-counts">
              {t('outline.unsortedCount', { count: outcome.unsorted.length })}
            </p>
          </div>
          {outcome.unsorted.length === 0 ? (
            <p className="muted">{t('outline.emptyUnsorted')}</p>
          ) : (
            <ul className="factor-list">
              {outcome.unsorted.map((factor) => (
                <FactorItem key={factor.id} factor={factor} actions={actions} />
              ))}
            </ul>
          )}
        </section>
        <p className="visually-hidden" role="status" aria-live="polite">
          {announcement}
        </p>
      </div>
    </main>
  )
}
