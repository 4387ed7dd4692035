import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { BoardInfo } from '../../shared/contracts'
import { boardPath, sendRequest } from '../common/boardRequest'
import { DialogFormEnd } from '../common/DialogFormEnd'
import { ModalDialog } from '../common/ModalDialog'
import { boardFullProblem } from '../common/requestProblem'
import './strings'

/**
 * Sends a pasted list or a CSV file to the board's import endpoint: all of it, or nothing.
 * A file goes as its bytes, so the server can tell the encoding Excel saved it in.
 */
function importFactors(
  board: BoardInfo,
  body: string | Blob,
  contentType: string,
  language: string,
) {
  return sendRequest<{ imported: number }>(boardPath(board, '/import'), {
    method: 'POST',
    headers: { 'Content-Type': contentType, 'Accept-Language': language },
    body,
  })
}

export function ImportDialog(props: {
  board: BoardInfo
  onClose: () => void
  onImported: (message: string) => void
  /** Called as the request is sent. */
  onSubmit?: () => void
}) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const [list, setList] = useState('')
  const [file, setFile] = useState<File>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!file && list.trim() === '') return setError(t('import.nothing'))
    setBusy(true)
    setError(undefined)
    props.onSubmit?.()
    try {
      const { imported } = file
        ? await importFactors(props.board, file, 'text/csv', i18n.language)
        : await importFactors(props.board, list, 'text/plain; charset=utf-8', i18n.language)
      props.onImported(t('import.done', { count: imported }))
      props.onClose()
    } catch (e) {
      setError(t('import.failed', { message: boardFullProblem(t, e) ?? (e as Error).message }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <ModalDialog title={t('import.heading')} onClose={props.onClose}>
      <p className="muted">{t('import.intro')}</p>
      <form onSubmit={submit}>
        <label htmlFor={`${id}-list`}>{t('import.paste')}</label>
        <textarea
          id={`${id}-list`}
          rows={8}
          value={list}
          disabled={file !== undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setList(event.target.value)}
        />
        <label htmlFor={`${id}-file`}>{t('import.file')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,text/csv"
          onChange={(event) => setFile(event.target.files?.[0])}
        />
        <DialogFormEnd
          formId={id}
          error={error}
          busy={busy}
          submitLabel={t('import.submit')}
          busyLabel={t('import.busy')}
          cancelLabel={t('import.cancel')}
          onCancel={props.onClose}
        />
      </form>
    </ModalDialog>
  )
}
