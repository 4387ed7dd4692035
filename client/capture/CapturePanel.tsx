import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Editor, TLAnyShapeUtilConstructor } from 'tldraw'
import type { BoardInfo } from '../../shared/contracts'
import { useCapture, type CaptureSource } from './useCapture'
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

/** Fånga alla grupper in one tap, or Fånga one chosen board, on the recorder's board. */
export function CapturePanel({ editor, board, sources, shapeUtils, fonts }: CapturePanelProps) {
  const { t } = useTranslation()
  const selectId = useId()
  const [chosen, setChosen] = useState(sources[0]?.id ?? '')
  const { capture, status, error, busy } = useCapture({ editor, board, shapeUtils, fonts })
  const one = sources.find((source) => source.id === chosen)

  return (
    <section className="capture-panel" aria-labelledby={`${selectId}-heading`}>
      <h2 id={`${selectId}-heading`}>{t('capture.heading')}</h2>
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
      <div className="capture-one">
        <select id={selectId} value={chosen} onChange={(event) => setChosen(event.target.value)}>
          {sources.map((source) => (
            <option key={source.id} value={source.id}>
              {source.name}
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
    </section>
  )
}
