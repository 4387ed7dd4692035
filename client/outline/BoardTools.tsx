import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Editor } from 'tldraw'
import type { BoardInfo } from '../../shared/contracts'
import { watchArrivals } from '../board/revealShapes'
import { CaptureElsewhereDialog } from '../capture/CaptureElsewhereDialog'
import { download, fileName } from '../export/download'
import { EXPORT_FORMATS, type ExportFormat } from '../export/formats'
import { ImportDialog } from '../import/ImportDialog'
import '../export/strings'
import { ApplyTemplateDialog, SaveTemplateDialog } from '../templates/TemplateDialogs'
import { VersionsDialog } from '../versions/VersionsDialog'
import { ViewToggle, type BoardView } from './ViewToggle'
import '../import/strings'
import '../templates/strings'
import '../versions/strings'
import './boardToolsStrings'

type Dialog = 'import' | 'apply' | 'save' | 'versions' | 'captureElsewhere'

/** How long a tool's status line stays; it is also announced, so it need not stay for good. */
const STATUS_MS = 8000

/**
 * The board's tools in its top bar: canvas or outline, and a menu with import, templates,
 * versions, exports and (on a standalone board) a capture to another board. What a tool did is said in a status line, which screen readers
 * announce. What an import or a template added is brought into view.
 */
export function BoardTools(props: {
  board: BoardInfo
  view: BoardView
  views: readonly BoardView[]
  onViewChange: (view: BoardView) => void
  /** Viewers may switch views but not change the board. */
  readOnly?: boolean
  /** The facilitator restores versions; others save and preview them. */
  canRestore?: boolean
  /** Exports draw with the canvas's editor, so they appear once it is mounted. */
  editor?: Editor
  /** A standalone board: Fånga till en annan tavla puts its picture on any board one may edit. */
  canCaptureElsewhere?: boolean
}) {
  const { t } = useTranslation()
  const [dialog, setDialog] = useState<Dialog>()
  const [status, setStatus] = useState('')
  const close = useCallback(() => setDialog(undefined), [])
  const arrivals = useRef<{ reveal(): void }>(undefined)
  const menu = useRef<HTMLDetailsElement>(null)
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
  const choose = (next: Dialog) => {
    if (menu.current) menu.current.open = false
    setDialog(next)
  }
  const exportAs = (format: ExportFormat) => {
    if (menu.current) menu.current.open = false
    if (!editor) return
    setStatus(t('export.working'))
    // pdf-lib and the export code load on first use.
    import('../export/exportBoard')
      .then(async ({ exportBoard }) => {
        const blob = await exportBoard(editor, format, props.board.title)
        if (!blob) return setStatus(t('export.empty'))
        const name = fileName(props.board.title, format)
        download(blob, name)
        setStatus(t('export.done', { name }))
      })
      .catch((error: Error) => setStatus(t('export.failed', { message: error.message })))
  }

  useEffect(() => {
    if (!status) return
    const timer = setTimeout(() => setStatus(''), STATUS_MS)
    return () => clearTimeout(timer)
  }, [status])

  return (
    <div className="board-tools">
      <ViewToggle view={props.view} views={props.views} onChange={props.onViewChange} />
      {/* One disclosure keeps the top bar on one line at iPad widths; a native <details>
          opens by keyboard and tells screen readers whether it is open. */}
      <details className="board-tools-menu" ref={menu}>
        <summary>{t('boardTools.menu')}</summary>
        <div className="board-tools-items">
          {!props.readOnly && (
            <>
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
            </>
          )}
          {EXPORT_FORMATS.map((format) => (
            <button
              key={format}
              type="button"
              className="quiet"
              disabled={!editor}
              onClick={() => exportAs(format)}
            >
              {t('export.as', { format: t(`export.formats.${format}`) })}
            </button>
          ))}
          {props.canCaptureElsewhere && (
            <button
              type="button"
              className="quiet"
              disabled={!editor}
              onClick={() => choose('captureElsewhere')}
            >
              {t('capture.elsewhere.open')}
            </button>
          )}
        </div>
      </details>
      <p className="board-tools-status" role="status">
        {status}
      </p>
      {dialog === 'import' && <ImportDialog {...dialogProps} onImported={added} />}
      {dialog === 'apply' && <ApplyTemplateDialog {...dialogProps} onDone={added} />}
      {dialog === 'save' && <SaveTemplateDialog {...dialogProps} onDone={setStatus} />}
      {dialog === 'versions' && (
        <VersionsDialog
          {...dialogProps}
          canRestore={props.canRestore ?? false}
          onDone={setStatus}
        />
      )}
      {dialog === 'captureElsewhere' && editor && (
        <CaptureElsewhereDialog
          board={props.board}
          editor={editor}
          onClose={close}
          onDone={setStatus}
        />
      )}
    </div>
  )
}
