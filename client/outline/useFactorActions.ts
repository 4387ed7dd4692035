import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { createShapeId } from 'tldraw'
import type * as Y from 'yjs'
import type { Outcome, Polarity } from '../../shared/factors'
import type { SynthesisWording } from '../../shared/workshopContracts'
import {
  FACTOR_OPS_ORIGIN,
  addFactor,
  editFactorText,
  moveFactor,
  renameCluster,
  setFactorPolarity,
} from '../../shared/factors/factorOps'
import { clusterLabel } from './ClusterSelect'
import type { FocusTarget, OutlineActions } from './outlineActions'
import { polarityWordFor } from './polarityWords'

export interface NewFactorInput {
  text: string
  polarity: Polarity
  clusterId: string | undefined
}

/**
 * What the outline and the writing view may do to the board's factors, with a sentence for
 * screen readers after each change. `add` returns the new note's id.
 */
export function useFactorActions(options: {
  doc: Y.Doc
  outcome: Outcome
  author: string | undefined
  readOnly: boolean
  wordings?: ReadonlyMap<string, SynthesisWording[]>
  groupNames?: Readonly<Record<string, string>>
}) {
  const { doc, outcome, author, readOnly, wordings, groupNames } = options
  const { t, i18n } = useTranslation()
  const [announcement, setAnnouncement] = useState('')
  const [focusTarget, setFocusTarget] = useState<FocusTarget>()

  const placeName = useCallback(
    (clusterId: string | undefined) => {
      const cluster = outcome.clusters.find((c) => c.id === clusterId)
      return cluster ? clusterLabel(cluster.name, t('outline.unnamed')) : t('outline.unsorted')
    },
    [outcome.clusters, t],
  )

  const add = (factor: NewFactorInput): string => {
    const id = addFactor(doc, {
      ...factor,
      author: author || undefined,
      now: Date.now(),
      newId: () => createShapeId(),
    })
    setAnnouncement(
      t('outline.add.done', { text: factor.text, place: placeName(factor.clusterId) }),
    )
    return id
  }

  const focusDone = useCallback(() => setFocusTarget(undefined), [])

  const actions: OutlineActions = useMemo(
    () => ({
      clusters: outcome.clusters,
      readOnly,
      focusTarget,
      focusDone,
      updateFactor(factor, next) {
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
      wordings: (factorId) => wordings?.get(factorId) ?? [],
      groupName: (groupId) => groupNames?.[groupId] ?? groupId,
    }),
    [
      doc,
      outcome.clusters,
      readOnly,
      focusTarget,
      focusDone,
      placeName,
      t,
      i18n.language,
      wordings,
      groupNames,
    ],
  )

  return { actions, add, announcement }
}
