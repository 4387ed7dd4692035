import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { BoardInfo } from '../../shared/contracts'
import type { VersionDetail, VersionSummary } from '../../shared/versionContracts'
import { ModalDialog } from '../common/ModalDialog'
import { requestProblem } from '../common/requestProblem'
import { ConfirmDialog } from '../workshop/ConfirmDialog'
import { VersionPreview } from './VersionPreview'
import { versionsApi } from './versionsApi'
import './strings'
import './versions.css'

interface VersionsDialogProps {
  board: BoardInfo
  /** Restoring (in place or as a copy) is the facilitator's. */
  canRestore: boolean
  onClose: () => void
  /** Said in the board's status line once the dialog closes. */
  onDone: (message: string) => void
}

/**
 * Spara version, the board's timeline, and a read-only preview of any version before
 * Återställ or Återställ som kopia. Every step is a button or a form field, so it works by
 * keyboard; results are announced in a status line.
 */
export function VersionsDialog({ board, canRestore, onClose, onDone }: VersionsDialogProps) {
  const { t, i18n } = useTranslation()
  const api = useMemo(() => versionsApi(board, i18n.language), [board, i18n.language])
  const nameId = useId()
  const [versions, setVersions] = useState<VersionSummary[]>()
  const [name, setName] = useState('')
  const [preview, setPreview] = useState<VersionDetail>()
  const [confirming, setConfirming] = useState(false)
  const [copyUrl, setCopyUrl] = useState<string>()
  const [status, setStatus] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const problem = useCallback((e: unknown) => requestProblem(t, e) ?? t('request.rejected'), [t])

  const run = useCallback(
    async (work: () => Promise<void>) => {
      setBusy(true)
      setError(undefined)
      try {
        await work()
      } catch (e) {
        setError(t('versions.failed', { message: problem(e) }))
      } finally {
        setBusy(false)
      }
    },
    [t, problem],
  )

  useEffect(() => {
    api
      .list()
      .then(setVersions, (e: unknown) => setError(t('versions.failed', { message: problem(e) })))
  }, [api, t, problem])

  const save = (event: FormEvent) => {
    event.preventDefault()
    const trimmed = name.trim()
    if (!trimmed) return
    void run(async () => {
      await api.save(trimmed)
      setName('')
      setStatus(t('versions.saved', { name: trimmed }))
      setVersions(await api.list())
    })
  }

  const open = (id: string) =>
    void run(async () => {
      setConfirming(false)
      setCopyUrl(undefined)
      setPreview(await api.open(id))
    })

  const restore = (version: VersionDetail) =>
    void run(async () => {
      await api.restore(version.id)
      onDone(t('versions.restored', { name: version.name }))
      onClose()
    })

  const copy = (version: VersionDetail) =>
    void run(async () => {
      const created = await api.copy(version.id)
      setCopyUrl(created.links.facilitator)
      setStatus(t('versions.copied', { name: version.name }))
    })

  const when = (at: number) =>
    new Date(at).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'sv-SE', {
      dateStyle: 'short',
      timeStyle: 'short',
    })

  return (
    <ModalDialog
      title={preview ? t('versions.previewHeading', { name: preview.name }) : t('versions.heading')}
      onClose={onClose}
    >
      {preview ? (
        <>
          <p className="muted">
            {when(preview.createdAt)} · {t('versions.previewIntro')}
          </p>
          <VersionPreview version={preview} />
          <ConfirmDialog
            open={confirming}
            title={t('versions.restoreConfirm', { name: preview.name })}
            confirmLabel={t('versions.restore')}
            onConfirm={() => {
              setConfirming(false)
              restore(preview)
            }}
            onCancel={() => setConfirming(false)}
          >
            <p>{t('versions.restoreExplain')}</p>
          </ConfirmDialog>
          <div className="row">
            {canRestore && (
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={() => setConfirming(true)}
              >
                {t('versions.restore')}
              </button>
            )}
            {canRestore && (
              <button type="button" disabled={busy} onClick={() => copy(preview)}>
                {t('versions.copy')}
              </button>
            )}
            <button type="button" onClick={() => setPreview(undefined)}>
              {t('versions.back')}
            </button>
          </div>
          {copyUrl && (
            <p>
              <a href={copyUrl} target="_blank" rel="noopener">
                {t('versions.copyLink')}
              </a>
            </p>
          )}
        </>
      ) : (
        <>
          <p className="muted">{t('versions.intro')}</p>
          <form onSubmit={save} className="version-save">
            <label htmlFor={nameId}>{t('versions.name')}</label>
            <div className="row">
              <input
                id={nameId}
                value={name}
                maxLength={200}
                onChange={(event) => setName(event.target.value)}
              />
              <button type="submit" className="primary" disabled={busy || !name.trim()}>
                {t('versions.save')}
              </button>
            </div>
          </form>
          <h3>{t('versions.listHeading')}</h3>
          {!versions && <p>{t('versions.loading')}</p>}
          {versions?.length === 0 && <p className="muted">{t('versions.none')}</p>}
          <ul className="version-list" aria-label={t('versions.listHeading')}>
            {versions?.map((version) => (
              <li key={version.id}>
                <span className="version-name">{version.name}</span>
                <span className="muted">
                  {when(version.createdAt)} ·{' '}
                  <span className={version.auto ? 'version-auto' : 'version-named'}>
                    {t(version.auto ? 'versions.auto' : 'versions.named')}
                  </span>
                </span>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => open(version.id)}
                  aria-label={`${t('versions.preview')}: ${version.name}`}
                >
                  {t('versions.preview')}
                </button>
              </li>
            ))}
          </ul>
          <div className="row">
            <button type="button" onClick={onClose}>
              {t('versions.close')}
            </button>
          </div>
        </>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <p role="status" className="version-status">
        {status}
      </p>
    </ModalDialog>
  )
}
