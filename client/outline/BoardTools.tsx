import { useCallback, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BoardInfo } from '../../shared/contracts'
import { ImportDialog } from '../import/ImportDialog'
import { ApplyTemplateDialog, SaveTemplateDialog } from '../templates/TemplateDialogs'
import { VersionsDialog } from '../versions/VersionsDialog'
import { ViewToggle, type BoardView } from './ViewToggle'
import '../import/strings'
import '../templates/strings'
import '../versions/strings'
import './boardToolsStrings'

type Dialog = 'import' | 'apply' | 'save' | 'versions'

/**
 * The board's tools in its top bar: canvas or outline, import, templates and versions. What a tool
 * did is said in a status line, which screen readers announce.
 */
export function BoardTools(props: {
  board: BoardInfo
  view: BoardView
  onViewChange: (view: BoardView) => void
  /** Viewers may switch views but not change the board. */
  readOnly?: boolean
  /** The facilitator restores versions; others save and preview them. */
  canRestore?: boolean
}) {
  const { t } = useTranslation()
  const [dialog, setDialog] = useState<Dialog>()
  const [status, setStatus] = useState('')
  const close = useCallback(() => setDialog(undefined), [])
  const menu = useRef<HTMLDetailsElement>(null)
  const choose = (next: Dialog) => {
    if (menu.current) menu.current.open = false
    setDialog(next)
  }
  const dialogProps = { board: props.board, onClose: close }

  return (
    <div className="board-tools">
      <ViewToggle view={props.view} onChange={props.onViewChange} />
      {!props.readOnly && (
        // One disclosure keeps the top bar on one line at iPad widths; a native <details>
        // opens by keyboard and tells screen readers whether it is open.
        <details className="board-tools-menu" ref={menu}>
          <summary>{t('boardTools.menu')}</summary>
          <div className="board-tools-items">
            <button type="button" className="quiet" onClick={() => choose('import')}>
              {t('import.open')}
            </button>
            <button type="button" className="quiet" onClick={() => choose('apply')}>
              {t('templates.apply')}
            </button>
            <button type="button" className="quiet" onClick={() => choose('save')}>
              {t('templates.save')}
            </button>
            <button type="button" className="quiet" onClick={() => choose('versions')}>
              {t('versions.open')}
            </button>
          </div>
        </details>
      )}
      <p className="board-tools-status" role="status">
        {status}
      </p>
      {dialog === 'import' && <ImportDialog {...dialogProps} onImported={setStatus} />}
      {dialog === 'apply' && <ApplyTemplateDialog {...dialogProps} onDone={setStatus} />}
      {dialog === 'save' && <SaveTemplateDialog {...dialogProps} onDone={setStatus} />}
      {dialog === 'versions' && (
        <VersionsDialog
          {...dialogProps}
          canRestore={props.canRestore ?? false}
          onDone={setStatus}
        />
      )}
    </div>
  )
}
