import { BoardPage } from './board/BoardPage'
import { NotFoundPage } from './common/NotFoundPage'
import { RoomScreen } from './day/room/RoomScreen'
import { LobbyPage } from './lobby/LobbyPage'
import { WorkshopPage } from './workshop/WorkshopPage'
import { pageToken } from './workshop/workshopApi'

/**
 * Routes: the lobby, a workshop (/w/<id>) and its room screen (/w/<id>/room), a board (/b/<id>),
 * and a 404 for everything else.
 */
export function App() {
  const path = window.location.pathname
  if (path === '/') return <LobbyPage />
  const board = /^\/b\/([^/]+)\/?$/.exec(path)
  if (board) return <BoardPage boardId={decodeURIComponent(board[1]!)} token={pageToken()} />
  const room = /^\/w\/([^/]+)\/room\/?$/.exec(path)
  if (room) return <RoomScreen workshopId={decodeURIComponent(room[1]!)} token={pageToken()} />
  const workshop = /^\/w\/([^/]+)\/?$/.exec(path)
  if (workshop)
    return <WorkshopPage workshopId={decodeURIComponent(workshop[1]!)} token={pageToken()} />
  return <NotFoundPage />
}
