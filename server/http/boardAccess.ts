import type { IncomingMessage } from 'node:http'
import type * as Y from 'yjs'
import { isValidBoardId } from '../../shared/board/boardId'
import type { Role } from '../auth/AccessControl'
import { identifyWriter } from '../auth/identifyWriter'
import { writeContextFor } from '../sync/writeContext'
import { inputHeld, writeDenial, type WriteContext } from '../sync/writePolicy'
import { RoomLimitError, RoomLoadError } from '../sync/RoomRegistry'
import { allow, EVERY_ROLE } from './authorize'
import { HttpError, requestLanguage } from './respond'
import { storageFailed } from './storageErrors'
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
  if (!(await context.storage.getBoard(boardId)))
    throw new HttpError(404, 'not_found', 'no such board')
  return allow(await context.access.authorizeBoard(req, boardId), ...allowed).role
}

const INPUT_PAUSED = {
  sv: 'Samtalsledaren har pausat deltagarnas skrivande på tavlan just nu.',
  en: "The facilitator has paused participants' input on this board for now.",
}

/** What a write adds at most, so it is refused before it takes a board past its limits. */
export interface WriteCost {
  bytes: number
  records: number
}

/** Stored bytes of one new note or shape beyond its text: ids, keys, props, Yjs bookkeeping. */
const BYTES_PER_RECORD = 1024

/** The most `records` new records with `textBytes` of content store, for `withBoardDoc`. */
export function costOf(records: number, textBytes: number): WriteCost {
  return { bytes: records * BYTES_PER_RECORD + textBytes * 2, records }
}

/**
 * Like `authorizeBoardRequest`, and then 403 unless the write policy lets this writer change
 * the board: the same rules (`writeDenial`) the UpdateGate applies to sync updates, so a
 * recorder writes only on the recorder board and a participant only on their group's board
 * (named by the `participant` key the client sends with its token), whichever path they use.
 */
export async function authorizeBoardWrite(
  req: IncomingMessage,
  context: ServerContext,
  boardId: string,
): Promise<Role> {
  return (await authorizeBoardWriter(req, context, boardId)).context.role
}

/** A writer allowed on a board, as the write policy knows it. */
export interface BoardWriter {
  context: WriteContext
  /** The participant named by the request's participant key, if any. */
  participantId: string | undefined
}

/** Like `authorizeBoardWrite`, returning what the write policy knows of the writer. */
export async function authorizeBoardWriter(
  req: IncomingMessage,
  context: ServerContext,
  boardId: string,
): Promise<BoardWriter> {
  if (!isValidBoardId(boardId)) throw new HttpError(400, 'invalid_id', 'malformed board id')
  if (!(await context.storage.getBoard(boardId)))
    throw new HttpError(404, 'not_found', 'no such board')
  const access = allow(
    await identifyWriter(context.access, context.storage, req, boardId),
    ...EVERY_ROLE,
  )
  const writer = { boardId, role: access.role, participantId: access.participantId }
  const writeContext = await writeContextFor(context.storage, writer)
  const denial = writeDenial(writeContext, [])
  if (denial) {
    context.log.warn({ room: boardId, role: access.role, reason: denial }, 'write refused')
    throw new HttpError(403, 'forbidden', denial)
  }
  if (inputHeld(writeContext)) {
    context.log.warn(
      { room: boardId, role: access.role, reason: inputHeld(writeContext) },
      'write held',
    )
    throw new HttpError(423, 'input_paused', INPUT_PAUSED[requestLanguage(req)])
  }
  return { context: writeContext, participantId: access.participantId }
}

/**
 * Runs `work` on a board's live doc: the loaded room's, or the room loaded for this call and
 * unloaded after the grace period if nobody joins. Writes reach storage and every client
 * through the room, as if they came from a connection. Only writes come here; reads go
 * through `context.reads`, which loads no room. A board that cannot be loaded, or a server
 * holding MAX_ROOMS boards already, answers 503.
 */
export async function withBoardDoc<T>(
  context: ServerContext,
  boardId: string,
  work: (doc: Y.Doc) => T,
  cost: WriteCost = { bytes: 0, records: 0 },
): Promise<T> {
  let room
  try {
    room = await context.rooms.open(boardId)
  } catch (error) {
    if (error instanceof RoomLoadError) {
      context.log.error({ room: boardId, err: error }, 'room could not be loaded')
      throw new HttpError(503, 'room_load_failed', 'the board could not be loaded')
    }
    if (error instanceof RoomLimitError) {
      context.log.warn({ room: boardId, reason: 'roomLimitReached' }, 'room not loaded')
      throw new HttpError(503, 'room_limit', 'too many boards are open on the server; try later')
    }
    throw error
  }
  try {
    if (room.failed) throw storageFailed()
    // From the check to the change nothing awaits, so the room cannot change in between.
    const space = room.checkRoomFor(cost.bytes, cost.records)
    if (!space.ok) throw new HttpError(413, 'board_full', space.detail)
    const result = work(room.doc)
    // Stored before answering, so a full disk fails this request, not a later one.
    await room.flush()
    if (room.failed) throw storageFailed()
    return result
  } finally {
    context.rooms.scheduleUnload(boardId)
  }
}
