import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Editor } from 'tldraw'
import type { BoardInfo } from '../../../shared/contracts'
import { polarityIcon } from '../../../shared/factors/polarity'
import { computeOutcome } from '../../../shared/factors/computeOutcome'
import type { SuggestedCluster } from '../../../shared/similarity/suggestClusters'
import { SidePanel } from '../SidePanel'
import { createCluster, selectedCluster, tidy } from '../clusters/clusterCommands'
import { SuggestionsPanel } from '../clusters/SuggestionsPanel'
import { suggestClustersFor } from '../clusters/suggestClustersFor'
import { useBoardSettings } from './BoardSettingsContext'
import { pageRecords } from './records'
import { useOutcomeCounts } from './useOutcomeCounts'
import './i18n'
import './factors.css'

/**
 * Sorting beside the canvas, all by keyboard: how many notes are still unsorted, the board's
 * totals, cluster commands, cluster suggestions and the anonymous-board setting.
 */
export function FactorPanel({ editor, board }: { editor: Editor | undefined; board: BoardInfo }) {
  const { t } = useTranslation()
  const counts = useOutcomeCounts(editor)
  const { settings, update, canManageBoard } = useBoardSettings()
  const [suggestions, setSuggestions] = useState<{ clusters: SuggestedCluster[]; from: number }>()
  const [message, setMessage] = useState('')

  const newCluster = () => {
    if (!editor) return
    const id = createCluster(editor, t('clusters.defaultName'))
    editor.setEditingShape(id)
  }
  const tidySelected = () => {
    const cluster = editor && selectedCluster(editor)
    setMessage(cluster ? '' : t('clusters.tidyNeedsSelection'))
    if (editor && cluster) tidy(editor, cluster.id)
  }
  const suggest = async () => {
    if (!editor) return
    const notes = computeOutcome(pageRecords(editor)).unsorted.filter((f) => f.text.trim())
    const clusters = (await suggestClustersFor(board, notes)).filter(
      (cluster) => cluster.noteIds.length > 1,
    )
    setSuggestions({ clusters, from: notes.length })
  }

  return (
    <SidePanel
      className="factor-panel"
      title={t('factors.panel')}
      foldLabel={t('factors.fold')}
      unfoldLabel={t('factors.unfold', { count: counts.unsorted.total })}
    >
      <div role="status" className="factor-counts">
        <p className="unsorted-count" data-testid="unsorted-count">
          {t('factors.unsorted', { count: counts.unsorted.total })}
        </p>
        <p className="board-totals" data-testid="board-totals">
          {t('factors.totals')}:{' '}
          <span>
            <span aria-hidden="true">{polarityIcon.hindering}</span> {t('factors.hindering')}{' '}
            {counts.hindering}
          </span>{' '}
          ·{' '}
          <span>
            <span aria-hidden="true">{polarityIcon.enabling}</span> {t('factors.enabling')}{' '}
            {counts.enabling}
          </span>{' '}
          ·{' '}
          <span>
            <span aria-hidden="true">{polarityIcon.undecided}</span> {t('factors.undecided')}{' '}
            {counts.undecided}
          </span>
        </p>
      </div>
      <div className="factor-actions">
        <button type="button" onClick={newCluster} disabled={!editor}>
          {t('clusters.newCluster')}
        </button>
        <button type="button" onClick={tidySelected} disabled={!editor}>
          {t('clusters.tidy')}
        </button>
        <button type="button" onClick={() => void suggest()} disabled={!editor}>
          {t('clusters.suggest')}
        </button>
      </div>
      <p className="muted" aria-live="polite">
        {message}
      </p>
      {canManageBoard && (
        <label className="anonymous-toggle">
          <input
            type="checkbox"
            checked={settings.anonymous}
            onChange={(event) => update({ anonymous: event.target.checked })}
          />{' '}
          {t('factors.anonymous')}
        </label>
      )}
      <p className="writing-help muted">{t('factors.writingHelp')}</p>
      {editor && suggestions && (
        <SuggestionsPanel
          editor={editor}
          suggestions={suggestions.clusters}
          unsortedCount={suggestions.from}
          onClose={() => setSuggestions(undefined)}
        />
      )}
    </SidePanel>
  )
}
