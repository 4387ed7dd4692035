import { useTranslation } from 'react-i18next'
import { DismissableNotice } from '../DismissableNotice'
import { boardFullMessage } from './boardFullMessage'
import './boardFull.css'
import './strings'

/**
 * Says, over the board, that it is full: either this page kept an addition out (`onDismiss`
 * closes the notice), or the server refused a change and the page stopped syncing (`onRetry`
 * reconnects once the person deleted something). An alert: what the person did was not saved.
 */
export function BoardFullNotice(
  props:
    | { refusedBy: 'page'; maxRecords: number; onDismiss: () => void }
    | { refusedBy: 'server'; onRetry: () => void },
) {
  const { t, i18n } = useTranslation()
  const notice = { role: 'alert', className: 'in-flow-notice board-full' } as const
  return props.refusedBy === 'page' ? (
    <DismissableNotice
      {...notice}
      message={boardFullMessage(t, i18n.language, props.maxRecords)}
      buttonLabel={t('boardFull.dismiss')}
      onButton={props.onDismiss}
    />
  ) : (
    <DismissableNotice
      {...notice}
      message={t('boardFull.server')}
      buttonLabel={t('boardFull.retry')}
      onButton={props.onRetry}
    />
  )
}
