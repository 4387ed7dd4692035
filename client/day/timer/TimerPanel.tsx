import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  TimerBody,
  WorkshopBoardSummary,
  WorkshopDay,
} from '../../../shared/workshopContracts'
import type { WorkshopApi } from '../../workshop/workshopApi'
import '../strings'
import { TimerDisplay } from './TimerDisplay'

/** The facilitator's clock controls: start (whole workshop or one board), pause, +1, +5, stop. */
export function TimerPanel(props: {
  day: WorkshopDay
  clockOffset: number
  api: WorkshopApi
  boards: WorkshopBoardSummary[]
}) {
  const { t } = useTranslation()
  const { day, api } = props
  const [minutes, setMinutes] = useState(10)
  const [label, setLabel] = useState('')
  const [boardId, setBoardId] = useState('')
  const [pauseInput, setPauseInput] = useState(false)
  const [error, setError] = useState<string>()
  const run = async (body: TimerBody) => {
    setError(undefined)
    try {
      await api.timer(body)
    } catch (e) {
      setError((e as Error).message)
    }
  }
  const timer = day.timer
  return (
    <div className="timer-panel">
      {timer ? (
        <>
          <TimerDisplay timer={timer} clockOffset={props.clockOffset} />
          <div className="timer-buttons">
            {timer.paused ? (
              <button type="button" className="small" onClick={() => run({ action: 'resume' })}>
                {t('day.timer.resume')}
              </button>
            ) : (
              <button type="button" className="small" onClick={() => run({ action: 'pause' })}>
                {t('day.timer.pause')}
              </button>
            )}
            <button
              type="button"
              className="small"
              onClick={() => run({ action: 'add', seconds: 60 })}
            >
              {t('day.timer.plus1')}
            </button>
            <button
              type="button"
              className="small"
              onClick={() => run({ action: 'add', seconds: 300 })}
            >
              {t('day.timer.plus5')}
            </button>
            <button type="button" className="small" onClick={() => run({ action: 'stop' })}>
              {t('day.timer.stop')}
            </button>
          </div>
        </>
      ) : (
        <form
          className="timer-form"
          onSubmit={(event) => {
            event.preventDefault()
            void run({
              seconds: Math.round(minutes * 60),
              label: label.trim() || undefined,
              pauseInputAtEnd: pauseInput,
              boardId: boardId || undefined,
            })
          }}
        >
          <label>
            {t('day.timer.minutes')}
            <input
              type="number"
              min={1}
              max={360}
              value={minutes}
              onChange={(e) => setMinutes(Math.max(1, Number(e.target.value) || 1))}
            />
          </label>
          <label>
            {t('day.timer.label')}
            <input value={label} maxLength={120} onChange={(e) => setLabel(e.target.value)} />
          </label>
          <label>
            {t('day.timer.scope')}
            <select value={boardId} onChange={(e) => setBoardId(e.target.value)}>
              <option value="">{t('day.timer.wholeWorkshop')}</option>
              {props.boards.map((board) => (
                <option key={board.id} value={board.id}>
                  {board.name}
                </option>
              ))}
            </select>
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={pauseInput}
              onChange={(e) => setPauseInput(e.target.checked)}
            />
            {t('day.timer.pauseInput')}
          </label>
          <button type="submit" className="primary small">
            {t('day.timer.start')}
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  )
}
