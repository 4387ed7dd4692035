import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { BoardInfo } from '../../shared/contracts'
import type { VersionDetail, VersionSummary } from '../../shared/versionContracts'
import { ModalDialog } from '../common/ModalDialog'
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

  const run = useCallback(
    async (work: () => Promise<void>) => {
      setBusy(true)
      setError(undefined)
      try {
        await work()
      } catch (e) {
        setError(t('versions.failed', { message: (e as Error).message }))
      } finally {
        setBusy(false)
      }
    },
    [t],
  )

  useEffect(() => {
    api
      .list()
      .then(setVersions, (e: Error) => setError(t('versions.failed', { message: e.message })))
  }, [api, t])

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
          {confirming && (
            <div className="version-confirm" role="group" aria-label={t('versions.restore')}>
              <p>
                <strong>{t('versions.restoreConfirm', { name: preview.name })}</strong>
              </p>
              <p>{t('versions.restoreExplain')}</p>
            </div>
          )}
          <div className="row">
            {canRestore && !confirming && (
              <button type="button" className="primary" onClick={() => setConfirming(true)}>
                {t('versions.restore')}
              </button>
            )}
            {canRestore && confirming && (
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={() => restore(preview)}
              >
                {t('versions.restoreConfirm', { name: preview.name })}
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
