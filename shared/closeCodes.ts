/**
 * WebSocket close codes the sync server uses. Clients show a message for each; operators see
 * the same name in the server log. 4000–4999 are ours; 1009, 1011, 1012 and 1013 are standard.
 */
export const CloseCode = {
  messageTooBig: 1009,
  /** The server failed on a message it should have handled; the room is unchanged. */
  internalError: 1011,
  /** Storage refused a write (e.g. a full disk); the board is reloaded from what was stored. */
  storageFailed: 1011,
  serviceRestart: 1012,
  /**
   * The board moved to another server node (its owner died or stalled): the client reconnects
   * and sends again whatever the old owner did not store.
   */
  ownerChanged: 1012,
  /** The client fell too far behind reading; it reconnects and syncs afresh. */
  tooSlow: 1013,
  protocolViolation: 4000,
  corruptUpdate: 4001,
  /** An update that breaks the board's layout or records (see shared/board/docLayout.ts). */
  invalidRecord: 4002,
  /** A valid update the writer's role may not make (see server/sync/writePolicy.ts). */
  writeForbidden: 4003,
  badRequest: 4400,
  unauthorized: 4401,
  forbidden: 4403,
  boardNotFound: 4404,
  tokenRevoked: 4409,
  /**
   * The server rebuilt the board since this client's copy was made (shared/board/boardEpoch):
   * the client hands in what it wrote offline, drops its copy and loads the board afresh.
   */
  epochChanged: 4410,
  docTooLarge: 4413,
  rateLimited: 4429,
  tooManyConnections: 4430,
  roomLoadFailed: 4500,
  roomLimitReached: 4503,
  /**
   * A participant's update while their input is paused (Ta kontroll, a locked step, time up):
   * refused, not stored. In the "try again later" range: the client keeps the change and
   * sends it again on reconnecting, and it goes in once the pause lifts.
   */
  inputPaused: 4523,
} as const

export type CloseReason = keyof typeof CloseCode

/** Codes after which reconnecting cannot help: the client stops trying. */
export const FINAL_CLOSE_CODES: ReadonlySet<number> = new Set([
  CloseCode.unauthorized,
  CloseCode.forbidden,
  CloseCode.boardNotFound,
  CloseCode.badRequest,
  CloseCode.tokenRevoked,
  CloseCode.writeForbidden,
  // The stored board itself cannot be read; the server logged why, an operator must look.
  CloseCode.roomLoadFailed,
])
