import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { createShapeId } from 'tldraw'
import type * as Y from 'yjs'
import type { Outcome, Polarity } from '../../shared/factors'
import { readRecord, recordsMap } from '../../shared/board/boardDoc'
import { addsPastRecordLimit } from '../../shared/board/recordLimit'
import { boardFullMessage } from '../board/recordLimit/boardFullMessage'
import { mergeNotes, splitOff } from '../workshop/synthesis/synthesisEdits'
import { readSynthesisNote } from '../workshop/synthesis/synthesisNote'
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

/** A factor added, or why not, in the person's language. */
export type AddResult = { ok: true; id: string } | { ok: false; problem: string }

/**
 * What the outline and the writing view may do to the board's factors, with a sentence for
 * screen readers after each change. `add` returns the new note's id, or why it could not add.
 */
export function useFactorActions(options: {
  doc: Y.Doc
  outcome: Outcome
  author: string | undefined
  readOnly: boolean
  /** Records the board may hold; past it `add` writes nothing and says so. */
  maxRecords: number
  /** On a workshop's board: group names for the plenary's wordings, and who may edit them. */
  synthesis?: { groupNames: Record<string, string>; canEdit: boolean }
}) {
  const { doc, outcome, author, readOnly, maxRecords, synthesis } = options
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

  const add = (factor: NewFactorInput): AddResult => {
    // The server would refuse the note and close the connection; the person hears why instead.
    const records = recordsMap(doc).size
    if (addsPastRecordLimit(records, records + 1, maxRecords)) {
      return { ok: false, problem: boardFullMessage(t, i18n.language, maxRecords) }
    }
    const id = addFactor(doc, {
      ...factor,
      author: author || undefined,
      now: Date.now(),
      newId: () => createShapeId(),
    })
    setAnnouncement(
      t('outline.add.done', { text: factor.text, place: placeName(factor.clusterId) }),
    )
    return { ok: true, id }
  }

  const focusDone = useCallback(() => setFocusTarget(undefined), [])

  const actions: OutlineActions = useMemo(
    (): OutlineActions => ({
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

  return { actions, add, announcement }
}
