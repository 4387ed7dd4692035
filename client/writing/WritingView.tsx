import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import type { Factor, Outcome } from '../../shared/factors'
import { AddFactorForm } from '../outline/AddFactorForm'
import { FactorItem } from '../outline/FactorItem'
import { useFactorActions } from '../outline/useFactorActions'
import { useOutcome } from '../outline/useOutcome'
import { rememberOwnNote, useOwnNoteIds } from './ownNotes'
import '../outline/strings'
import '../outline/outline.css'
import './strings'
import './writing.css'

function allFactors(outcome: Outcome): Factor[] {
  return [
    ...outcome.clusters.flatMap((c) => [...c.hindering, ...c.enabling, ...c.undecided]),
    ...outcome.unsorted,
  ]
}

/**
 * A phone's way to take part: write a factor with its polarity (and, if wished, its cluster),
 * then see and edit one's own notes. Plain form controls, so touch and the phone's screen
 * reader work as everywhere else; the canvas is one button away.
 */
export function WritingView(props: {
  doc: Y.Doc
  boardId: string
  author: string | undefined
  /** Records the board may hold. */
  maxRecords: number
}) {
  const { doc, boardId, author, maxRecords } = props
  const { t } = useTranslation()
  const outcome = useOutcome(doc)
  const ownIds = useOwnNoteIds(boardId)
  const { actions, add, announcement } = useFactorActions({
    doc,
    outcome,
    author,
    readOnly: false,
    maxRecords,
  })
  const own = allFactors(outcome)
    .filter((factor) => ownIds.has(factor.id))
    .sort((a, b) => b.createdAt - a.createdAt)

  return (
    <main className="writing" aria-labelledby="writing-heading">
      <div className="writing-inner">
        <h2 id="writing-heading">{t('writing.heading')}</h2>
        <p className="muted">{t('writing.intro')}</p>
        <AddFactorForm
          clusters={outcome.clusters}
          onAdd={(factor) => {
            const added = add(factor)
            if (!added.ok) return added.problem
            rememberOwnNote(boardId, added.id)
            return undefined
          }}
        />
        <section className="writing-own" aria-labelledby="writing-own-heading">
          <h3 id="writing-own-heading">{t('writing.own', { count: own.length })}</h3>
          {own.length === 0 ? (
            <p className="muted">{t('writing.none')}</p>
          ) : (
            <ul className="factor-list">
              {own.map((factor) => (
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
