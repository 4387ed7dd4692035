import { BoardPage } from './board/BoardPage'
import { NotFoundPage } from './common/NotFoundPage'
import { LobbyPage } from './lobby/LobbyPage'

/** Three routes: the lobby, a board (/b/<id>), and a 404 for everything else. */
export function App() {
  const path = window.location.pathname
  if (path === '/') return <LobbyPage />
  const board = /^\/b\/([^/]+)\/?$/.exec(path)
  if (board) return <BoardPage boardId={decodeURIComponent(board[1]!)} />
  return <NotFoundPage />
}
