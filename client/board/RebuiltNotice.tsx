import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DismissableNotice } from './DismissableNotice'
import type { RebuiltNotice as Rebuilt } from './useBoardSync'

/**
 * Tells a person whose copy of the board was replaced (the server rebuilt the board while they
 * were away) what became of what they wrote offline, until they close the notice.
 */
export function RebuiltNotice({ rebuilt }: { rebuilt: Rebuilt | undefined }) {
  const { t } = useTranslation()
  const [closed, setClosed] = useState<Rebuilt>()
  if (!rebuilt || closed === rebuilt) return null
  return (
    <DismissableNotice
      role="status"
      className="rebuilt-notice"
      message={
        'rescued' in rebuilt
          ? t('board.rebuiltRescued', { count: rebuilt.rescued })
          : t('board.rebuiltLost', { count: rebuilt.lost })
      }
      buttonLabel={t('board.closeNotice')}
      onButton={() => setClosed(rebuilt)}
    />
  )
}
