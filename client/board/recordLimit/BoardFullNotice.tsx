import { useTranslation } from 'react-i18next'
import { boardFullMessage } from './boardFullMessage'
import './boardFull.css'
import './strings'

/**
 * Says, over the board, that it is full: either this page kept an addition out (`onDismiss`
 * closes the notice), or the server refused a change and the page stopped syncing (`onRetry`
 * reconnects once the person deleted something).
 */
export function BoardFullNotice(
  props:
    | { refusedBy: 'page'; maxRecords: number; onDismiss: () => void }
    | { refusedBy: 'server'; onRetry: () => void },
) {
  const { t, i18n } = useTranslation()
  return (
    <div className="board-notice board-full" role="alert">
      {props.refusedBy === 'page' ? (
        <>
          <p>{boardFullMessage(t, i18n.language, props.maxRecords)}</p>
          <button type="button" className="button small" onClick={props.onDismiss}>
            {t('boardFull.dismiss')}
          </button>
        </>
      ) : (
        <>
          <p>{t('boardFull.server')}</p>
          <button type="button" className="button small" onClick={props.onRetry}>
            {t('boardFull.retry')}
          </button>
        </>
      )}
    </div>
  )
}
