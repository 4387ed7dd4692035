import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { boardLink } from '../boardLink'
import type { WorkshopInfo } from '../../../shared/workshopContracts'
import { problemMessage } from '../problemMessage'
import type { WorkshopApi } from '../workshopApi'

/** Gathers every group's factors into the plenary board's synthesis. */
export function PlenaryPanel(props: { api: WorkshopApi; info: WorkshopInfo; token: string }) {
  const { t, i18n } = useTranslation()
  const [status, setStatus] = useState('')
  const [busy, setBusy] = useState(false)
  const plenary = props.info.boards.find((board) => board.kind === 'plenary')
  const groups = props.info.boards.filter((board) => board.kind === 'group').length

  const gather = async () => {
    setBusy(true)
    setStatus(t('workshop.gathering'))
    try {
      await props.api.gather(i18n.language)
      setStatus(t('workshop.gathered'))
    } catch (e) {
      setStatus(t('workshop.failed', { message: problemMessage(t, e) }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <p className="muted">{t('workshop.gatherExplain', { count: groups })}</p>
      <div className="row">
        <button type="button" className="primary" disabled={busy} onClick={() => void gather()}>
          {t('workshop.gather')}
        </button>
        {plenary && (
          <a className="button" href={boardLink(plenary.id, props.token)}>
            {t('workshop.openPlenary')}
          </a>
        )}
      </div>
      <p role="status" className="status-line">
        {status}
      </p>
    </>
  )
}
