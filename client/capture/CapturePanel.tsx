import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Editor, TLAnyShapeUtilConstructor } from 'tldraw'
import type { BoardInfo } from '../../shared/contracts'
import { useCapture, type CaptureSource } from './useCapture'
import { useClusters } from './useClusters'
import './capture.css'
import './strings'

interface CapturePanelProps {
  editor: Editor | undefined
  board: BoardInfo
  /** The workshop's group boards and plenary, in the order the facilitator sees them. */
  sources: readonly CaptureSource[]
  shapeUtils: readonly TLAnyShapeUtilConstructor[]
  fonts?: Record<string, string>
}

const WHOLE_BOARD = ''

/**
 * Fånga alla grupper in one tap, or Fånga one chosen board or one of its clusters, on the
 * recorder's board.
 */
export function CapturePanel({ editor, board, sources, shapeUtils, fonts }: CapturePanelProps) {
  const { t } = useTranslation()
  const selectId = useId()
  const [chosen, setChosen] = useState(sources[0]?.id ?? '')
  const [part, setPart] = useState(WHOLE_BOARD)
  const { capture, status, error, busy } = useCapture({ editor, board, shapeUtils, fonts })
  const { clusters, refresh } = useClusters(board, chosen || undefined)
  const source = sources.find((entry) => entry.id === chosen)
  const cluster = clusters.find((entry) => entry.id === part)
  const one = source && (cluster ? { ...source, cluster } : source)

  return (
    <div className="capture-panel">
      <p className="muted">{t('capture.intro')}</p>
      <button
        type="button"
        className="primary"
        disabled={busy || !editor || sources.length === 0}
        onClick={() => void capture(sources)}
      >
        {t('capture.all')}
      </button>
      <label htmlFor={selectId}>{t('capture.board')}</label>
      <select
        id={selectId}
        value={chosen}
        onChange={(event) => {
          setChosen(event.target.value)
          setPart(WHOLE_BOARD)
        }}
      >
        {sources.map((entry) => (
          <option key={entry.id} value={entry.id}>
            {entry.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${selectId}-part`}>{t('capture.part')}</label>
      <div className="capture-one">
        <select
          id={`${selectId}-part`}
          value={cluster ? part : WHOLE_BOARD}
          onFocus={() => void refresh()}
          onChange={(event) => setPart(event.target.value)}
        >
          <option value={WHOLE_BOARD}>{t('capture.wholeBoard')}</option>
          {clusters.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {t('capture.clusterOption', { name: entry.name })}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={busy || !editor || !one}
          onClick={() => one && void capture([one])}
        >
          {t('capture.one')}
        </button>
      </div>
      <p role="status" className="capture-status">
        {status}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  )
}
