import { useCallback, useEffect, useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { PublishCheck } from '../../shared/publishContracts'
import { ConfirmDialog } from '../workshop/ConfirmDialog'
import { problemMessage } from '../workshop/problemMessage'
import type { OutcomeApi } from './outcomeApi'
import { PersonalDataWarnings } from './PersonalDataWarnings'
import './strings'

/**
 * Publicera, Publicera igen and Avpublicera. Names stay out unless the facilitator ticks the
 * box; notes that look like personal data are shown first and can be edited in the copy.
 */
export function PublishPanel({ api }: { api: OutcomeApi }) {
  const { t, i18n } = useTranslation()
  const namesId = useId()
  const noteId = useId()
  const [check, setCheck] = useState<PublishCheck>()
  const [includeNames, setIncludeNames] = useState(false)
  const [note, setNote] = useState('')
  const [edits, setEdits] = useState<Record<string, string>>({})
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [status, setStatus] = useState('')
  const [error, setError] = useState<string>()

  const run = useCallback(
    async (work: () => Promise<void>) => {
      setBusy(true)
      setError(undefined)
      try {
        await work()
      } catch (e) {
        setError(t('outcome.failed', { message: problemMessage(t, e) }))
      } finally {
        setBusy(false)
      }
    },
    [t],
  )

  useEffect(() => {
    api
      .check()
      .then(setCheck, (e: unknown) =>
        setError(t('outcome.failed', { message: problemMessage(t, e) })),
      )
  }, [api, t])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    void run(async () => {
      const published = await api.publish({
        includeNames,
        note: note.trim() || undefined,
        edits,
      })
      setNote('')
      setStatus(t('outcome.published', { version: published.version }))
      setCheck(await api.check())
    })
  }

  const unpublish = () => {
    setAsking(false)
    void run(async () => {
      await api.unpublish()
      setStatus(t('outcome.unpublished'))
      setCheck(await api.check())
    })
  }

  if (!check) return <p role="status">{error ?? t('outcome.checking')}</p>
  const current = check.published
  const when = (at: number) =>
    new Date(at).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'sv-SE', {
      dateStyle: 'short',
      timeStyle: 'short',
    })

  return (
    <>
      <p className="muted">{t('outcome.publishIntro')}</p>
      {current ? (
        <p data-testid="published-state">
          {t('outcome.current', { version: current.version, when: when(current.publishedAt) })}
          <br />
          {t('outcome.address')}:{' '}
          <a href={current.url} target="_blank" rel="noopener" data-testid="published-url">
            {current.url}
          </a>
        </p>
      ) : (
        <p data-testid="published-state">{t('outcome.notPublished')}</p>
      )}
      <form onSubmit={submit} className="publish-form">
        <PersonalDataWarnings warnings={check.warnings} edits={edits} onEdit={setEdits} />
        <div className="checkbox-row">
          <input
            id={namesId}
            type="checkbox"
            checked={includeNames}
            onChange={(event) => setIncludeNames(event.target.checked)}
            aria-describedby={`${namesId}-hint`}
          />
          <label htmlFor={namesId}>{t('outcome.includeNames')}</label>
        </div>
        <p id={`${namesId}-hint`} className="muted">
          {t('outcome.includeNamesHint')}
        </p>
        {current && (
          <>
            <label htmlFor={noteId}>{t('outcome.note')}</label>
            <textarea
              id={noteId}
              rows={2}
              maxLength={1000}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
          </>
        )}
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>
            {current ? t('outcome.publishAgain') : t('outcome.publish')}
          </button>
          {current && (
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() => setAsking(true)}
            >
              {t('outcome.unpublish')}
            </button>
          )}
        </div>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p role="status">{status}</p>
      <ConfirmDialog
        open={asking}
        danger
        title={t('outcome.unpublishConfirm')}
        confirmLabel={t('outcome.unpublish')}
        onConfirm={unpublish}
        onCancel={() => setAsking(false)}
      >
        <p>{t('outcome.unpublishExplain')}</p>
      </ConfirmDialog>
    </>
  )
}
