import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ConfirmDialog } from '../ConfirmDialog'
import type { Role, RoleLinks as Links } from '../../../shared/workshopContracts'
import { problemMessage } from '../problemMessage'
import type { WorkshopApi } from '../workshopApi'
import { WorkshopLinks } from '../WorkshopLinks'

/**
 * The workshop's three links, each replaceable. A replaced facilitator link moves this page
 * to the new one, since the old token stops working at once.
 */
export function LinksPanel({ api, initial }: { api: WorkshopApi; initial: Links }) {
  const { t } = useTranslation()
  const [links, setLinks] = useState(initial)
  const [rotating, setRotating] = useState<Role>()
  const [status, setStatus] = useState('')

  const rotate = async (role: Role) => {
    setRotating(undefined)
    try {
      const next = (await api.rotate(role)).links
      if (role === 'facilitator') {
        window.location.replace(next.facilitator)
        return
      }
      setLinks(next)
      setStatus(t('workshop.rotated', { link: t(`workshop.link.${role}`) }))
    } catch (e) {
      setStatus(t('workshop.failed', { message: problemMessage(t, e) }))
    }
  }

  return (
    <>
      <WorkshopLinks links={links} onRotate={setRotating} />
      <p role="status" className="status-line">
        {status}
      </p>
      <ConfirmDialog
        open={rotating !== undefined}
        title={t('workshop.rotateTitle', { link: rotating ? t(`workshop.link.${rotating}`) : '' })}
        confirmLabel={t('workshop.rotateConfirm')}
        onConfirm={() => rotating && void rotate(rotating)}
        onCancel={() => setRotating(undefined)}
      >
        <p>{t('workshop.rotateExplain')}</p>
        {rotating && <p>{t(`workshop.rotateWho.${rotating}`)}</p>}
      </ConfirmDialog>
    </>
  )
}
