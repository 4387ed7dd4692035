import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { forgetWorkshopLocally } from '../../common/forgetLocally'
import { ConfirmDialog } from '../ConfirmDialog'
import type { WorkshopInfo } from '../../../shared/workshopContracts'
import type { WorkshopApi } from '../workshopApi'

/** Erases the workshop for good, after naming everything that goes with it. */
export function EraseWorkshop({ api, info }: { api: WorkshopApi; info: WorkshopInfo }) {
  const { t } = useTranslation()
  const [asking, setAsking] = useState(false)
  const [error, setError] = useState<string>()

  const erase = async () => {
    setAsking(false)
    try {
      await api.erase()
      await forgetWorkshopLocally(
        info.id,
        info.boards.map((board) => board.id),
      )
      window.location.replace('/')
    } catch (e) {
      setError((e as Error).message)
    }
  }

  return (
    <>
      <p className="muted">{t('workshop.erase.explain')}</p>
      <button type="button" className="danger" onClick={() => setAsking(true)}>
        {t('workshop.erase.button')}
      </button>
      {error && (
        <p role="alert" className="error">
          {t('workshop.failed', { message: error })}
        </p>
      )}
      <ConfirmDialog
        open={asking}
        danger
        title={t('workshop.erase.title', { title: info.title })}
        confirmLabel={t('workshop.erase.confirm')}
        onConfirm={() => void erase()}
        onCancel={() => setAsking(false)}
      >
        <p>{t('workshop.erase.lead')}</p>
        <ul>
          <li>
            {t('workshop.erase.boards', { count: info.boards.length })} (
            {info.boards.map((board) => board.name).join(', ')})
          </li>
          <li>{t('workshop.erase.notes')}</li>
          <li>{t('workshop.erase.people')}</li>
          <li>{t('workshop.erase.links')}</li>
        </ul>
        <p>
          <strong>{t('workshop.erase.final')}</strong>
        </p>
      </ConfirmDialog>
    </>
  )
}
