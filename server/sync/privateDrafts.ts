import type { RecordJson } from '../../shared/board/boardDoc'
import { PRIVATE_DRAFT_META_KEY } from '../../shared/workshopContracts'
import type { Storage } from '../storage/Storage'
import type { ChangeRule } from './writePolicy'

function metaOf(record: RecordJson | undefined): Record<string, unknown> | undefined {
  const meta = record?.meta
  return typeof meta === 'object' && meta !== null && !Array.isArray(meta)
    ? (meta as Record<string, unknown>)
    : undefined
}

const isNote = (record: RecordJson | undefined) =>
  record?.typeName === 'shape' && record.type === 'note'

/**
 * Silent writing as a write rule. A private draft never enters a board doc, whoever sends
 * it; and while the workshop writes silently, a participant may not add a note at all (their
 * browser keeps it until the reveal). Notes that were on the board before stay editable.
 */
export const privateDraftRule: ChangeRule = (context, change) => {
  if (change.area !== 'records') return undefined
  if (metaOf(change.after)?.[PRIVATE_DRAFT_META_KEY] !== undefined) {
    return 'a private draft stays in its browser'
  }
  if (context.privateWriting && change.before === undefined && isNote(change.after)) {
    return 'silent writing: new notes stay in your browser until the facilitator reveals them'
  }
  return undefined
}

/** Whether a workshop is in silent writing now, as its stored day says. */
export function inPrivateWriting(storage: Storage, workshopId: string): boolean {
  const json = storage.readWorkshopDay(workshopId)
  if (!json) return false
  try {
    return (JSON.parse(json) as { privateWriting?: unknown }).privateWriting === true
  } catch {
    return false
  }
}
