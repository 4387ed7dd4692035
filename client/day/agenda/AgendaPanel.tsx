import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { STEP_MODES, type AgendaStep, type WorkshopDay } from '../../../shared/workshopContracts'
import type { WorkshopApi } from '../../workshop/workshopApi'
import '../strings'
import { StepStatus } from './StepStatus'

const time = (at: number) =>
  new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })

/** The facilitator's agenda: edit, reorder, add and remove steps, and move the day on. */
export function AgendaPanel({ day, api }: { day: WorkshopDay; api: WorkshopApi }) {
  const { t } = useTranslation()
  // Unsaved edits; until the first edit the panel shows the agenda as the server has it.
  const [draft, setDraft] = useState<AgendaStep[]>()
  const [status, setStatus] = useState<string>()
  const steps = draft ?? day.agenda
  const dirty = draft !== undefined
  const setSteps = (change: (all: AgendaStep[]) => AgendaStep[]) => setDraft(change(steps))

  const edit = (index: number, patch: Partial<AgendaStep>) => {
    setSteps((all) => all.map((step, i) => (i === index ? { ...step, ...patch } : step)))
  }
  const move = (index: number, by: -1 | 1) => {
    setSteps((all) => {
      const copy = [...all]
      const [step] = copy.splice(index, 1)
      copy.splice(index + by, 0, step!)
      return copy
    })
  }
  const add = () => {
    const id = `step-${Date.now().toString(36)}`
    setSteps((all) => [...all, { id, title: t('day.agenda.newStep'), minutes: 10, mode: 'none' }])
  }
  const save = async () => {
    setStatus(undefined)
    try {
      await api.setAgenda(steps)
      setDraft(undefined)
      setStatus(t('day.agenda.saved'))
    } catch (e) {
      setStatus((e as Error).message)
    }
  }
  const runOf = (stepId: string) => [...day.stepRuns].reverse().find((r) => r.stepId === stepId)

  return (
    <div className="agenda-panel">
      <StepStatus day={day} api={api} />
      <ol className="agenda-steps">
        {steps.map((step, index) => {
          const run = runOf(step.id)
          const current = step.id === day.currentStepId
          return (
            <li key={step.id} className={current ? 'agenda-step current' : 'agenda-step'}>
              <div className="agenda-fields">
                <label>
                  <span className="visually-hidden">{t('day.agenda.title')}</span>
                  <input
                    value={step.title}
                    maxLength={120}
                    onChange={(e) => edit(index, { title: e.target.value })}
                  />
                </label>
                <label className="agenda-minutes">
                  <span className="visually-hidden">{t('day.agenda.minutes')}</span>
                  <input
                    type="number"
                    min={0}
                    max={480}
                    value={step.minutes}
                    onChange={(e) => edit(index, { minutes: Number(e.target.value) || 0 })}
                  />
                  <span aria-hidden="true"> min</span>
                </label>
                <label>
                  <span className="visually-hidden">{t('day.agenda.mode')}</span>
                  <select
                    value={step.mode}
                    onChange={(e) => edit(index, { mode: e.target.value as AgendaStep['mode'] })}
                  >
                    {STEP_MODES.map((mode) => (
                      <option key={mode} value={mode}>
                        {t(`day.mode.${mode}`)}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              <div className="agenda-actions">
                {current && <strong className="agenda-current">▶ {t('day.agenda.current')}</strong>}
                {run && (
                  <span className="muted">
                    {t('day.agenda.ran', {
                      start: time(run.startedAt),
                      end: run.endedAt ? time(run.endedAt) : '…',
                    })}
                  </span>
                )}
                <button
                  type="button"
                  className="small"
                  disabled={dirty || current}
                  onClick={() => void api.step({ stepId: step.id }).catch(() => undefined)}
                >
                  {t('day.agenda.goTo', { title: step.title })}
                </button>
                <button
                  type="button"
                  className="small"
                  aria-label={t('day.agenda.up', { title: step.title })}
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="small"
                  aria-label={t('day.agenda.down', { title: step.title })}
                  disabled={index === steps.length - 1}
                  onClick={() => move(index, 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="small"
                  aria-label={t('day.agenda.remove', { title: step.title })}
                  onClick={() => {
                    setSteps((all) => all.filter((_, i) => i !== index))
                  }}
                >
                  ✕
                </button>
              </div>
            </li>
          )
        })}
      </ol>
      <div className="agenda-buttons">
        <button type="button" className="small" onClick={add}>
          {t('day.agenda.add')}
        </button>
        <button type="button" className="primary small" disabled={!dirty} onClick={save}>
          {t('day.agenda.save')}
        </button>
      </div>
      <p role="status" className="muted">
        {status}
      </p>
    </div>
  )
}
