import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BoardInfo } from '../../shared/contracts'
import { ImportDialog } from '../import/ImportDialog'
import { ApplyTemplateDialog, SaveTemplateDialog } from '../templates/TemplateDialogs'
import { ViewToggle, type BoardView } from './ViewToggle'
import '../import/strings'
import '../templates/strings'

type Dialog = 'import' | 'apply' | 'save'

/**
 * The board's tools in its top bar: canvas or outline, import, and templates. What a tool
 * did is said in a status line, which screen readers announce.
 */
export function BoardTools(props: {
  board: BoardInfo
  view: BoardView
  onViewChange: (view: BoardView) => void
}) {
  const { t } = useTranslation()
  const [dialog, setDialog] = useState<Dialog>()
  const [status, setStatus] = useState('')
  const close = useCallback(() => setDialog(undefined), [])
  const dialogProps = { board: props.board, onClose: close }

  return (
    <div className="board-tools">
      <ViewToggle view={props.view} onChange={props.onViewChange} />
      <button type="button" className="quiet" onClick={() => setDialog('import')}>
        {t('import.open')}
      </button>
      <button type="button" className="quiet" onClick={() => setDialog('apply')}>
        {t('templates.apply')}
      </button>
      <button type="button" className="quiet" onClick={() => setDialog('save')}>
        {t('templates.save')}
      </button>
      <p className="board-tools-status" role="status">
        {status}
      </p>
      {dialog === 'import' && <ImportDialog {...dialogProps} onImported={setStatus} />}
      {dialog === 'apply' && <ApplyTemplateDialog {...dialogProps} onDone={setStatus} />}
      {dialog === 'save' && <SaveTemplateDialog {...dialogProps} onDone={setStatus} />}
    </div>
  )
}
