import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isValidBoardId } from '../../shared/board/boardId'
import { DEFAULT_MAX_RECORDS_PER_BOARD } from '../../shared/board/recordLimit'
import { CloseCode } from '../../shared/closeCodes'
import type { ClientConfig } from '../../shared/contracts'
import type { BoardAccessInfo } from '../../shared/workshopContracts'
import { ApiRequestError, api } from '../common/api'
import { NotFoundPage } from '../common/NotFoundPage'
import { forgetBoardLocally } from '../common/forgetLocally'
import { rememberBoard } from '../lobby/recentBoards'
import { LiveScopeProvider } from '../day/LiveScopeProvider'
import { LinkProblem } from '../workshop/board/LinkProblem'
import { loadWorkshopContext, type WorkshopContext } from '../workshop/board/workshopContext'
import { identity, storedDisplayName } from './identity'
import { NameDialog } from './NameDialog'
import { useBoardSync, type BoardSync } from './useBoardSync'
import { LoadedBoardEditor, loadBoardEditor, useBoardEditorChunk } from './boardEditorChunk'

/** How often a board that could not be fetched tries again. */
const RETRY_MS = 5000

type Loaded = { board: BoardAccessInfo; config: ClientConfig; workshop?: WorkshopContext }

interface BoardPageProps {
  boardId: string
  /** The role token from the page link; boards made before tokens existed need none. */
  token?: string
  /** A workshop participant's key: without it a participant link reads only. */
  participantKey?: string
  /** A short message shown over the board, e.g. that the person was moved here. */
  notice?: string
}

export function BoardPage({ boardId, token, participantKey, notice }: BoardPageProps) {
  const { t } = useTranslation()
  const [loaded, setLoaded] = useState<Loaded>()
  const [failure, setFailure] = useState<'notFound' | 'badId' | 'unauthorized' | 'error'>()
  const [named, setNamed] = useState(storedDisplayName() !== '')
  // A link with its token connects at once, while the board's details are still asked for:
  // the doc then arrives while tldraw mounts, not after. The details name the same
  // connection (same room and params), so it is kept.
  const earlySync = useMemo(
    () =>
      token && isValidBoardId(boardId)
        ? {
            serverUrl: '',
            room: boardId,
            params: { token, ...(participantKey ? { participant: participantKey } : {}) },
          }
        : undefined,
    [boardId, token, participantKey],
  )
  const sync = useBoardSync(loaded?.board.sync ?? earlySync)

  useEffect(() => {
    if (!isValidBoardId(boardId)) return
    // Fetched while the board is asked for; a failure shows once the board is there.
    loadBoardEditor().catch(() => undefined)
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const load = () => {
      clearTimeout(timer)
      Promise.all([api.board(boardId, token, participantKey), api.config()]).then(
        async ([board, config]: [BoardAccessInfo, ClientConfig]) => {
          rememberBoard({ id: board.id, title: board.title, url: window.location.href })
          document.title = `${board.title} – Samskapa`
          const workshop = await loadWorkshopContext(board, token)
          if (stopped) return
          setFailure(undefined)
          setLoaded({ board, config, workshop })
        },
        (error: unknown) => {
          if (stopped) return
          const status = error instanceof ApiRequestError ? error.status : 0
          // Erased: whatever this browser kept of the board goes too.
          if (status === 404) {
            void forgetBoardLocally(boardId)
            return setFailure('notFound')
          }
          if (status === 400) return setFailure('badId')
          if (status === 401 || status === 403) return setFailure('unauthorized')
          // No network and nothing kept offline, or a server hiccup: try again by itself.
          setFailure('error')
          timer = setTimeout(load, RETRY_MS)
        },
      )
    }
    load()
    window.addEventListener('online', load)
    return () => {
      stopped = true
      clearTimeout(timer)
      window.removeEventListener('online', load)
    }
  }, [boardId, token, participantKey])

  if (!isValidBoardId(boardId) || failure === 'badId') return <NotFoundPage badLink />
  if (failure === 'notFound') return <NotFoundPage />
  if (failure === 'unauthorized') return <LinkProblem />
  if (failure === 'error') return <Message text={t('board.loadFailed')} />
  if (!loaded) return <Message text={t('board.loading')} />
  // Viewers are an audience and need not introduce themselves.
  if (!named && loaded.board.role !== 'viewer') {
    return <NameDialog boardTitle={loaded.board.title} onDone={() => setNamed(true)} />
  }
  return (
    <LiveScopeProvider workshopId={loaded.board.workshopId} token={token}>
      <SyncedBoard loaded={loaded} sync={sync} notice={notice} />
    </LiveScopeProvider>
  )
}

interface SyncedBoardProps {
  loaded: Loaded
  sync: BoardSync | undefined
  notice?: string
}

function SyncedBoard({ loaded, sync, notice }: SyncedBoardProps) {
  const { t } = useTranslation()
  const editorChunk = useBoardEditorChunk()
  const [me] = useState(identity)
  if (sync?.closedCode === CloseCode.boardNotFound) return <NotFoundPage />
  if (sync?.closedCode === CloseCode.unauthorized || sync?.closedCode === CloseCode.tokenRevoked) {
    return <LinkProblem />
  }
  if (sync?.closedCode === CloseCode.writeForbidden) {
    return <Message text={t('board.writeForbidden')} />
  }
  if (sync?.closedCode === CloseCode.roomLoadFailed) return <Message text={t('board.loadFailed')} />
  if (editorChunk === 'failed') return <Message text={t('board.loadFailed')} />
  // The editor shows its own loading status until the doc holds the board: tldraw mounts
  // meanwhile. A new copy of the board (a new doc) is a new editor.
  if (!sync || editorChunk === 'loading') return <Message text={t('board.loading')} />
  return (
    <LoadedBoardEditor
      key={sync.doc.guid}
      sync={sync}
      me={me}
      licenseKey={loaded.config.tldrawLicenseKey}
      maxRecords={loaded.config.maxRecordsPerBoard ?? DEFAULT_MAX_RECORDS_PER_BOARD}
      board={loaded.board}
      canManageBoard={loaded.board.role === 'facilitator'}
      readOnly={!loaded.board.canWrite}
      workshop={loaded.workshop}
      notice={notice}
      canCapture={loaded.board.kind === 'recorder' && loaded.board.canWrite}
      canCaptureElsewhere={!loaded.board.workshopId}
    />
  )
}

function Message({ text }: { text: string }) {
  return (
    <main className="page narrow">
      <p role="status">{text}</p>
    </main>
  )
}
