import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Editor, TLShapeId } from 'tldraw'
import type { SuggestedCluster } from '../../../shared/similarity/suggestClusters'
import { factorOf } from '../factors/records'
import { createCluster } from './clusterCommands'

interface Proposal extends SuggestedCluster {
  key: number
}

/**
 * Cluster proposals for the unsorted notes. The group accepts (a cluster is made and the
 * notes move in), renames or rejects each; nothing changes on the board until they accept.
 */
export function SuggestionsPanel(props: {
  editor: Editor
  suggestions: SuggestedCluster[]
  /** How many unsorted notes with text the suggestions were made from. */
  unsortedCount: number
  onClose(): void
}) {
  const { editor, onClose } = props
  const { t } = useTranslation()
  const [proposals, setProposals] = useState<Proposal[]>(() =>
    props.suggestions.map((suggestion, key) => ({ ...suggestion, key })),
  )
  const [announcement, setAnnouncement] = useState('')
  const emptyMessage = (unsorted: number) =>
    unsorted === 0
      ? t('clusters.noUnsorted')
      : props.suggestions.length === 0
        ? t('clusters.noneAlike', { count: unsorted })
        : t('clusters.allHandled')
  const heading = useRef<HTMLHeadingElement>(null)

  useEffect(() => heading.current?.focus(), [])

  const remove = (key: number) => {
    setProposals((current) => current.filter((proposal) => proposal.key !== key))
    heading.current?.focus()
  }
  const accept = (proposal: Proposal) => {
    const noteIds = proposal.noteIds.filter((id) => editor.getShape(id as TLShapeId))
    const name = proposal.name.trim() || t('clusters.defaultName')
    createCluster(editor, name, noteIds as TLShapeId[])
    setAnnouncement(t('clusters.accepted', { name }))
    remove(proposal.key)
  }
  const rename = (key: number, name: string) =>
    setProposals((current) => current.map((p) => (p.key === key ? { ...p, name } : p)))

  return (
    <section className="suggestions" aria-labelledby="suggestions-heading">
      <div className="suggestions-head">
        <h3 id="suggestions-heading" ref={heading} tabIndex={-1}>
          {t('clusters.suggestions')}
        </h3>
        <button type="button" className="small" onClick={onClose}>
          {t('clusters.close')}
        </button>
      </div>
      <p role="status" className="muted">
        {announcement || (proposals.length === 0 ? emptyMessage(props.unsortedCount) : '')}
      </p>
      <ol className="proposals">
        {proposals.map((proposal, i) => (
          <li key={proposal.key} className="proposal" data-testid="proposal">
            <label htmlFor={`proposal-${proposal.key}`}>
              {t('clusters.proposalName', { number: i + 1 })}
            </label>
            <input
              id={`proposal-${proposal.key}`}
              value={proposal.name}
              onChange={(event) => rename(proposal.key, event.target.value)}
            />
            <p className="muted">{t('clusters.noteCount', { count: proposal.noteIds.length })}</p>
            <ul className="proposal-notes">
              {proposal.noteIds.map((id) => (
                <li key={id}>{noteText(editor, id)}</li>
              ))}
            </ul>
            <div className="row">
              <button type="button" className="primary small" onClick={() => accept(proposal)}>
                {t('clusters.accept')}
              </button>
              <button type="button" className="small" onClick={() => remove(proposal.key)}>
                {t('clusters.reject')}
              </button>
            </div>
          </li>
        ))}
      </ol>
    </section>
  )
}

function noteText(editor: Editor, id: string): string {
  const shape = editor.getShape(id as TLShapeId)
  return shape ? factorOf(shape).text : ''
}
