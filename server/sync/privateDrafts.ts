import type { RecordJson } from '../../shared/board/boardDoc'
import { PRIVATE_DRAFT_META_KEY } from '../../shared/workshopContracts'
import type { ChangeRule } from './writePolicy'

function metaOf(record: RecordJson | undefined): Record<string, unknown> | undefined {
  const meta = record?.meta
  return typeof meta === 'object' && meta !== null && !Array.isArray(meta)
    ? (meta as Record<string, unknown>)
    : undefined
}

/**
 * Silent writing as a write rule: a private draft never enters a board doc, whoever sends it.
 *
 * A participant's ordinary new note is let in, also while the workshop writes silently: a
 * browser that knows of silent writing makes every new note a draft, so an ordinary one comes
 * from a page that had not heard yet (written that very instant, or offline). Its Y.Doc holds
 * the note already; refusing it would close the socket, and every reconnect would send it
 * again. It shows only its own writer's words, as editing a note from before could.
 */
export const privateDraftRule: ChangeRule = (_context, change) => {
  if (change.area !== 'records') return undefined
  if (metaOf(change.after)?.[PRIVATE_DRAFT_META_KEY] !== undefined) {
    return 'a private draft stays in its browser'
  }
  return undefined
}
