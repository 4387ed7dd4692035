import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isValidBoardId } from '../../shared/board/boardId'
import { CloseCode } from '../../shared/closeCodes'
import type { BoardInfo, ClientConfig } from '../../shared/contracts'
import { ApiRequestError, api } from '../common/api'
import { NotFoundPage } from '../common/NotFoundPage'
import { rememberBoard } from '../lobby/recentBoards'
import { BoardEditor } from './BoardEditor'
import { identity, storedDisplayName } from './identity'
import { NameDialog } from './NameDialog'
import { useBoardSync } from './useBoardSync'

type Loaded = { board: BoardInfo; config: ClientConfig }

export function BoardPage({ boardId }: { boardId: string }) {
  const { t } = useTranslation()
  const [loaded, setLoaded] = useState<Loaded>()
  const [failure, setFailure] = useState<'notFound' | 'badId' | 'error'>()
  const [named, setNamed] = useState(storedDisplayName() !== '')

  useEffect(() => {
    if (!isValidBoardId(boardId)) return
    Promise.all([api.board(boardId), api.config()]).then(
      ([board, config]) => {
        rememberBoard(board)
        document.title = `${board.title} – Samskapa`
        setLoaded({ board, config })
      },
      (error: unknown) => {
        const status = error instanceof ApiRequestError ? error.status : 0
        setFailure(status === 404 ? 'notFound' : status === 400 ? 'badId' : 'error')
      },
    )
  }, [boardId])

  if (!isValidBoardId(boardId) || failure === 'badId') return <NotFoundPage badLink />
  if (failure === 'notFound') return <NotFoundPage />
  if (failure === 'error') return <Message text={t('board.loadFailed')} />
  if (!loaded) return <Message text={t('board.loading')} />
  if (!named) return <NameDialog boardTitle={loaded.board.title} onDone={() => setNamed(true)} />
  return <SyncedBoard loaded={loaded} />
}

function SyncedBoard({ loaded }: { loaded: Loaded }) {
  const { t } = useTranslation()
  const sync = useBoardSync(loaded.board.sync)
  const [me] = useState(identity)
  if (sync?.closedCode === CloseCode.boardNotFound) return <NotFoundPage />
  if (!sync || !sync.ready) return <Message text={t('board.loading')} />
  return (
    <BoardEditor
      sync={sync}
      me={me}
      licenseKey={loaded.config.tldrawLicenseKey}
      board={loaded.board}
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
