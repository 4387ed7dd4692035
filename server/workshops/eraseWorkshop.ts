import type { ServerContext } from '../http/Route'

/**
 * Erases a workshop for good (GDPR): closes its sockets, drops its rooms without storing
 * them, forgets cached outcomes, deletes every board, update, snapshot, token and participant
 * (and which signed-in people facilitated it), and checkpoints the
 * log so no copy lingers in the write-ahead file.
 */
export async function eraseWorkshop(context: ServerContext, workshopId: string) {
  const boardIds = new Set(
    (await context.storage.workshopBoards(workshopId)).map((board) => board.id),
  )
  context.sync.closeWhere((connection) => boardIds.has(connection.boardId), 'boardNotFound')
  context.cluster?.discardBoards([...boardIds], 'boardNotFound')
  for (const boardId of boardIds) {
    context.rooms.discard(boardId)
    context.reads.forget(boardId)
    context.clusterSuggestions.forget(boardId)
  }
  context.live.closeWorkshop(workshopId)
  context.synthesis.forget(workshopId)
  await context.storage.deleteWorkshop(workshopId)
  context.day.forget(workshopId)
  await context.accounts?.store.forgetScope(workshopId)
  await context.storage.checkpoint()
  context.log.info({ workshop: workshopId, boards: boardIds.size }, 'workshop erased')
}
