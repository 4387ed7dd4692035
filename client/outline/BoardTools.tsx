import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Editor } from 'tldraw'
import type { BoardInfo } from '../../shared/contracts'
import { watchArrivals } from '../board/revealShapes'
import { ImportDialog } from '../import/ImportDialog'
import { ApplyTemplateDialog, SaveTemplateDialog } from '../templates/TemplateDialogs'
import { ViewToggle, type BoardView } from './ViewToggle'
import '../import/strings'
import '../templates/strings'

type Dialog = 'import' | 'apply' | 'save'

/** How long a tool's status line stays; it is also announced, so it need not stay for good. */
const STATUS_MS = 8000

/**
 * The board's tools in its top bar: canvas or outline, import, and templates. What a tool
 * did is said in a status line, which screen readers announce. What an import or a template
 * added is brought into view.
 */
export function BoardTools(props: {
  board: BoardInfo
  view: BoardView
  views: readonly BoardView[]
  onViewChange: (view: BoardView) => void
  /** Viewers may switch views but not change the board. */
  readOnly?: boolean
  editor?: Editor
}) {
  const { t } = useTranslation()
  const [dialog, setDialog] = useState<Dialog>()
  const [status, setStatus] = useState('')
  const close = useCallback(() => setDialog(undefined), [])
  const arrivals = useRef<{ reveal(): void }>(undefined)
  const { editor } = props
  const dialogProps = {
    board: props.board,
    onClose: close,
    onSubmit: () => {
      arrivals.current = editor && watchArrivals(editor)
    },
  }
  const added = (message: string) => {
    setStatus(message)
    arrivals.current?.reveal()
  }

  useEffect(() => {
    if (!status) return
    const timer = setTimeout(() => setStatus(''), STATUS_MS)
    return () => clearTimeout(timer)
  }, [status])

  return (
    <div className="board-tools">
      <ViewToggle view={props.view} views={props.views} onChange={props.onViewChange} />
      {!props.readOnly && (
        <div className="board-tools-edit">
          <button type="button" className="quiet" onClick={() => setDialog('import')}>
            {t('import.open')}
          </button>
          <button type="button" className="quiet" onClick={() => setDialog('apply')}>
            {t('templates.apply')}
          </button>
          <button type="button" className="quiet" onClick={() => setDialog('save')}>
            {t('templates.save')}
          </button>
        </div>
      )}
      <p className="board-tools-status" role="status">
        {status}
      </p>
      {dialog === 'import' && <ImportDialog {...dialogProps} onImported={added} />}
      {dialog === 'apply' && <ApplyTemplateDialog {...dialogProps} onDone={added} />}
      {dialog === 'save' && <SaveTemplateDialog {...dialogProps} onDone={setStatus} />}
    </div>
  )
}
