import { useEffect, useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { BoardInfo, SavedTemplateInfo, TemplateInfo } from '../../shared/contracts'
import { ModalDialog } from '../common/ModalDialog'
import { boardFullProblem } from '../common/requestProblem'
import { ManageTemplates } from './ManageTemplates'
import { applyTemplate, boardTemplates, saveTemplate } from './templateRequests'
import './strings'

interface DialogProps {
  board: BoardInfo
  onClose: () => void
  onDone: (message: string) => void
  /** Called as the request is sent. */
  onSubmit?: () => void
}

/** Runs a request for a dialog: busy while it runs, an error shown in the dialog if it fails. */
function useSubmit(onClose: () => void) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const run = async (work: () => Promise<void>) => {
    setBusy(true)
    setError(undefined)
    try {
      await work()
      onClose()
    } catch (e) {
      setError(t('templates.failed', { message: boardFullProblem(t, e) ?? (e as Error).message }))
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, run }
}

export function ApplyTemplateDialog({ board, onClose, onDone, onSubmit }: DialogProps) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const [templates, setTemplates] = useState<(TemplateInfo | SavedTemplateInfo)[]>([])
  const [choice, setChoice] = useState('')
  const [round, setRound] = useState(0)
  const { busy, error, run } = useSubmit(onClose)

  useEffect(() => {
    boardTemplates(board, i18n.language).then((list) => {
      const useful = list.filter((template) => template.id !== 'blank')
      setTemplates(useful)
      setChoice((current) =>
        useful.some((template) => template.id === current) ? current : (useful[0]?.id ?? ''),
      )
    }, onClose)
  }, [board, i18n.language, onClose, round])
  const manageable = templates.filter(
    (template): template is SavedTemplateInfo => 'manageable' in template && template.manageable,
  )

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const title = templates.find((template) => template.id === choice)?.title ?? choice
    onSubmit?.()
    void run(async () => {
      await applyTemplate(board, choice, i18n.language)
      onDone(t('templates.applied', { title }))
    })
  }

  return (
    <ModalDialog title={t('templates.applyHeading')} onClose={onClose}>
      <p className="muted">{t('templates.applyIntro')}</p>
      <form onSubmit={submit}>
        <label htmlFor={id}>{t('templates.choose')}</label>
        <select id={id} value={choice} onChange={(event) => setChoice(event.target.value)}>
          {templates.map((template) => (
            <option key={template.id} value={template.id}>
              {template.title}
            </option>
          ))}
        </select>
        <DialogButtons
          busy={busy || !choice}
          error={error}
          submit={t('templates.applySubmit')}
          onClose={onClose}
        />
      </form>
      <ManageTemplates
        board={board}
        templates={manageable}
        onChanged={() => setRound((n) => n + 1)}
      />
    </ModalDialog>
  )
}

export function SaveTemplateDialog({ board, onClose, onDone }: DialogProps) {
  const { t } = useTranslation()
  const id = useId()
  const [title, setTitle] = useState(board.title)
  const { busy, error, run } = useSubmit(onClose)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    void run(async () => {
      const saved = await saveTemplate(board, title.trim())
      onDone(t('templates.saved', { title: saved.title }))
    })
  }

  return (
    <ModalDialog title={t('templates.saveHeading')} onClose={onClose}>
      <p className="muted">{t('templates.saveIntro')}</p>
      <form onSubmit={submit}>
        <label htmlFor={id}>{t('templates.title')}</label>
        <input
          id={id}
          required
          maxLength={200}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
        />
        <DialogButtons
          busy={busy}
          error={error}
          submit={t('templates.saveSubmit')}
          onClose={onClose}
        />
      </form>
    </ModalDialog>
  )
}

function DialogButtons(props: {
  busy: boolean
  error?: string
  submit: string
  onClose: () => void
}) {
  const { t } = useTranslation()
  return (
    <>
      {props.error && (
        <p className="error" role="alert">
          {props.error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={props.busy}>
          {props.submit}
        </button>
        <button type="button" onClick={props.onClose}>
          {t('templates.cancel')}
        </button>
      </div>
    </>
  )
}
