import { useId, useState, useSyncExternalStore, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Editor } from 'tldraw'
import type { BoardInfo } from '../../shared/contracts'
import { DialogFormEnd } from '../common/DialogFormEnd'
import { ModalDialog } from '../common/ModalDialog'
import { recentBoards, storedList, subscribeRecentBoards } from '../lobby/recentBoards'
import { parseBoardLink, recentTargets } from './boardLinkTarget'
import { captureElsewhere } from './captureElsewhere'
import { captureFailure } from './captureFailure'
import './capture.css'
import './strings'

/** The select's value for "I paste the link below". */
const PASTED = ''

/**
 * Fånga till en annan tavla: a picture of this board (or of what is selected) placed on any
 * board the person may edit, chosen from their recent boards or by its link. The server
 * decides whether the link may write there; this dialog only says what it answered.
 */
export function CaptureElsewhereDialog(props: {
  board: BoardInfo
  editor: Editor
  onClose: () => void
  onDone: (message: string) => void
}) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const recent = recentTargets(
    recentBoards(useSyncExternalStore(subscribeRecentBoards, storedList)),
    props.board.id,
  )
  const [chosen, setChosen] = useState(recent[0]?.id ?? PASTED)
  const [link, setLink] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const chosenUrl = recent.find((entry) => entry.id === chosen)?.url

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const targetLink = chosenUrl ?? link
    const target = parseBoardLink(targetLink, window.location.origin)
    if (!target) return setError(t('capture.elsewhere.badLink'))
    setBusy(true)
    setError(undefined)
    try {
      const placed = await captureElsewhere(props.editor, props.board, target, {
        t,
        language: i18n.language,
      })
      if (!placed) return setError(t('capture.elsewhere.empty'))
      props.onDone(t('capture.elsewhere.done', { board: placed.title }))
      props.onClose()
    } catch (e) {
      setError(captureFailure(t, e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <ModalDialog title={t('capture.elsewhere.heading')} onClose={props.onClose}>
      <p className="muted">{t('capture.elsewhere.intro')}</p>
      <form onSubmit={submit} className="capture-elsewhere">
        {recent.length > 0 && (
          <>
            <label htmlFor={`${id}-recent`}>{t('capture.elsewhere.recent')}</label>
            <select
              id={`${id}-recent`}
              value={chosen}
              onChange={(event) => setChosen(event.target.value)}
            >
              {recent.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.title}
                </option>
              ))}
              <option value={PASTED}>{t('capture.elsewhere.byLink')}</option>
            </select>
          </>
        )}
        {chosenUrl === undefined && (
          <>
            <label htmlFor={`${id}-link`}>{t('capture.elsewhere.link')}</label>
            <input
              id={`${id}-link`}
              type="url"
              required
              value={link}
              placeholder={`${window.location.origin}/b/…?token=…`}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(event) => setLink(event.target.value)}
            />
          </>
        )}
        <DialogFormEnd
          formId={id}
          error={error}
          busy={busy}
          submitLabel={t('capture.one')}
          busyLabel={t('capture.elsewhere.busy')}
          cancelLabel={t('capture.elsewhere.cancel')}
          onCancel={props.onClose}
        />
      </form>
    </ModalDialog>
  )
}
