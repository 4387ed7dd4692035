import type { IncomingMessage } from 'node:http'
import type * as Y from 'yjs'
import { isValidBoardId } from '../../shared/board/boardId'
import { mayWriteBoard } from '../../shared/roles/writePolicy'
import type { Role } from '../auth/AccessControl'
import { RoomLoadError } from '../sync/RoomRegistry'
import { allow, EVERY_ROLE } from './authorize'
import { HttpError } from './respond'
import type { ServerContext } from './Route'

/**
 * Checks a request about a board, in the order a client can act on: a malformed id (400),
 * an unknown board (404), then the access decision (401/403/429). `allowed` limits the roles,
 * e.g. to keep viewers from writing. Returns the caller's role.
 */
export async function authorizeBoardRequest(
  req: IncomingMessage,
  context: ServerContext,
  boardId: string,
  allowed: readonly Role[] = EVERY_ROLE,
): Promise<Role> {
  if (!isValidBoardId(boardId)) throw new HttpError(400, 'invalid_id', 'malformed board id')
  if (!context.storage.getBoard(boardId)) throw new HttpError(404, 'not_found', 'no such board')
  return allow(await context.access.authorizeBoard(req, boardId), ...allowed).role
}

/**
 * Like `authorizeBoardRequest`, and then 403 unless the role may change this board (see
 * `mayWriteBoard`): every REST path that writes to a board's doc asks this.
 */
export async function authorizeBoardWrite(
  req: IncomingMessage,
  context: ServerContext,
  boardId: string,
): Promise<Role> {
  const role = await authorizeBoardRequest(req, context, boardId)
  if (!mayWriteBoard(role, context.storage.boardPlace(boardId)?.kind)) {
    context.log.warn({ room: boardId, role, reason: 'forbidden' }, 'write refused')
    throw new HttpError(403, 'forbidden', `a ${role} may not change this board`)
  }
  return role
}

/**
 * Runs `work` on a board's live doc: the loaded room's, or the room loaded for this call and
 * unloaded after the grace period if nobody joins. Writes reach storage and every client
 * through the room, as if they came from a connection.
 */
export function withBoardDoc<T>(
  context: ServerContext,
  boardId: string,
  work: (doc: Y.Doc) => T,
): T {
  let room
  try {
    room = context.rooms.open(boardId)
  } catch (error) {
    if (error instanceof RoomLoadError) {
      context.log.error({ room: boardId, err: error }, 'room could not be loaded')
      throw new HttpError(503, 'room_load_failed', 'the board could not be loaded')
    }
    throw error
  }
  try {
    return work(room.doc)
  } finally {
    context.rooms.scheduleUnload(boardId)
  }
}
