import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { createShapeId } from 'tldraw'
import type * as Y from 'yjs'
import { countOutcome, type Factor, type Polarity } from '../../shared/factors'
import {
  FACTOR_OPS_ORIGIN,
  addFactor,
  editFactorText,
  moveFactor,
  renameCluster,
  setFactorPolarity,
} from '../../shared/factors/factorOps'
import { ClusterSection } from './ClusterSection'
import { AddFactorForm } from './AddFactorForm'
import { clusterLabel } from './ClusterSelect'
import { FactorItem } from './FactorItem'
import type { FocusTarget, OutlineActions } from './outlineActions'
import { polarityWordFor } from './polarityWords'
import { useOutcome } from './useOutcome'
import { readRecord } from '../../shared/board/boardDoc'
import { readSynthesisNote } from '../workshop/synthesis/synthesisNote'
import { mergeNotes, splitOff } from '../workshop/synthesis/synthesisEdits'
import './strings'
import './outline.css'

/**
 * The board as a structured list: clusters with their factors by polarity, then the unsorted
 * ones. It reads and writes the same Y.Doc as the canvas, so both stay in step for everyone.
 * It is the keyboard and screen-reader way to take part, and the quickest way to read a result.
 */
export function OutlineView(props: {
  doc: Y.Doc
  author: string
  readOnly?: boolean
  /** On a workshop's board: group names for the plenary's wordings, and who may edit them. */
  synthesis?: { groupNames: Record<string, string>; canEdit: boolean }
}) {
  const { doc, author, readOnly = false, synthesis } = props
  const { t, i18n } = useTranslation()
  const outcome = useOutcome(doc)
  const counts = countOutcome(outcome)
  const [announcement, setAnnouncement] = useState('')
  const [focusTarget, setFocusTarget] = useState<FocusTarget>()

  const placeName = useCallback(
    (clusterId: string | undefined) => {
      const cluster = outcome.clusters.find((c) => c.id === clusterId)
      return cluster ? clusterLabel(cluster.name, t('outline.unnamed')) : t('outline.unsorted')
    },
    [outcome.clusters, t],
  )

  const add = (factor: { text: string; polarity: Polarity; clusterId: string | undefined }) => {
    addFactor(doc, { ...factor, author, now: Date.now(), newId: () => createShapeId() })
    setAnnouncement(
      t('outline.add.done', { text: factor.text, place: placeName(factor.clusterId) }),
    )
  }

  const focusDone = useCallback(() => setFocusTarget(undefined), [])

  const actions: OutlineActions = useMemo(
    () => ({
      clusters: outcome.clusters,
      readOnly,
      focusTarget,
      focusDone,
      updateFactor(factor: Factor, next) {
        // One transaction: everyone sees the whole edit at once.
        doc.transact(() => {
          if (next.text !== factor.text) editFactorText(doc, factor.id, next.text)
          if (next.polarity !== factor.polarity) setFactorPolarity(doc, factor.id, next.polarity)
          if (next.clusterId !== factor.clusterId) moveFactor(doc, factor.id, next.clusterId)
        }, FACTOR_OPS_ORIGIN)
        setFocusTarget({ factorId: factor.id, clusterId: next.clusterId, polarity: next.polarity })
        setAnnouncement(
          t('outline.edit.done', {
            text: next.text,
            polarity: polarityWordFor(i18n.language, next.polarity),
            place: placeName(next.clusterId),
          }),
        )
      },
      renameCluster(clusterId, name) {
        renameCluster(doc, clusterId, name)
        setAnnouncement(t('outline.rename.done', { name }))
      },
      ...(synthesis && {
        synthesis: {
          ...synthesis,
          noteOf: (factorId: string) => readSynthesisNote(readRecord(doc, factorId)?.meta),
          split(noteId, wording) {
            splitOff(doc, noteId, wording)
            setAnnouncement(t('workshop.synthesis.splitDone', { text: wording.text }))
          },
          merge(intoNoteId, fromNoteId) {
            mergeNotes(doc, [intoNoteId, fromNoteId])
            setFocusTarget(undefined)
            setAnnouncement(t('workshop.synthesis.mergeDone'))
          },
        },
      }),
    }),
    [doc, outcome, readOnly, focusTarget, focusDone, placeName, t, i18n.language, synthesis],
  )

  return (
    <main className="outline" aria-labelledby="outline-heading">
      <div className="outline-inner">
        <header className="outline-header">
          <h2 id="outline-heading">{t('outline.heading')}</h2>
          <p className="muted">{t('outline.intro')}</p>
          <p className="outline-summary">
            {t('outline.summary', {
              total: counts.total,
              hindering: counts.hindering,
              enabling: counts.enabling,
              unsorted: counts.unsorted.total,
            })}
          </p>
        </header>
        {!readOnly && <AddFactorForm clusters={outcome.clusters} onAdd={add} />}
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
