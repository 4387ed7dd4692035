import * as Y from 'yjs'
import { createTLSchema } from '@tldraw/tlschema'
import { writeRecords, writeStoredSchema, type RecordJson } from '../../shared/board/boardDoc'
import type { JsonValue } from '../../shared/board/yjsValue'
import type { Language } from '../../shared/templates'
import type { VersionSummary } from '../../shared/versionContracts'
import { restoreRecords } from '../../shared/versions/restoreRecords'
import { issueBoardTokens } from '../auth/tokens'
import { newId } from '../boards/BoardService'
import { costOf, withBoardDoc } from '../http/boardAccess'
import { HttpError } from '../http/respond'
import type { ServerContext } from '../http/Route'
import type { BoardRecord, VersionRecord } from '../storage/Storage'

const schema = createTLSchema()

/**
 * A board keeps at most this many versions. Past it the oldest automatic versions go; named
 * versions are never dropped silently: saving one more is refused (409) until some are gone.
 */
export const MAX_VERSIONS_PER_BOARD = 200

/** Why the server saves a version by itself. */
export type AutoVersionReason = 'beforeGather' | 'beforeRestore' | 'stepChange'

const autoNames: Record<Language, Record<AutoVersionReason, string>> = {
  sv: {
    beforeGather: 'Före samling i plenum',
    beforeRestore: 'Före återställning',
    stepChange: 'Nytt steg i dagordningen',
  },
  en: {
    beforeGather: 'Before gathering in plenary',
    beforeRestore: 'Before restoring',
    stepChange: 'New agenda step',
  },
}

function summary(version: Omit<VersionRecord, 'records'>): VersionSummary {
  return { id: version.id, name: version.name, createdAt: version.createdAt, auto: version.auto }
}

async function makeRoom(context: ServerContext, boardId: string, auto: boolean) {
  const versions = await context.storage.listVersions(boardId)
  if (versions.length < MAX_VERSIONS_PER_BOARD) return
  const oldestAuto = versions.filter((version) => version.auto).reverse()
  const excess = versions.length - MAX_VERSIONS_PER_BOARD + 1
  if (oldestAuto.length < excess && !auto) {
    throw new HttpError(
      409,
      'too_many_versions',
      `a board keeps at most ${MAX_VERSIONS_PER_BOARD} versions`,
    )
  }
  await context.storage.deleteVersions(oldestAuto.slice(0, excess).map((version) => version.id))
}

/** Stores the board as it is now, live room or stored doc, as a version. */
export async function saveVersion(
  context: ServerContext,
  boardId: string,
  name: string,
  auto = false,
): Promise<VersionSummary> {
  await makeRoom(context, boardId, auto)
  const version: VersionRecord = {
    id: newId(9),
    boardId,
    name,
    auto,
    records: JSON.stringify(await context.reads.records(boardId)),
    // Two versions within one millisecond still list in the order they were made (rowid).
    createdAt: Date.now(),
  }
  await context.storage.saveVersion(version)
  context.log.info({ room: boardId, version: version.id, auto }, 'version saved')
  return summary(version)
}

/**
 * The seam for automatic versions: before a gather, before a restore, and (once the agenda
 * exists, issue 10) at every step change, in the workshop's language.
 */
export function saveAutoVersion(
  context: ServerContext,
  boardId: string,
  reason: AutoVersionReason,
  language: Language,
): Promise<VersionSummary> {
  return saveVersion(context, boardId, autoNames[language][reason], true)
}

export async function loadVersion(context: ServerContext, boardId: string, versionId: string) {
  const version = await context.storage.getVersion(boardId, versionId)
  if (!version) throw new HttpError(404, 'not_found', 'no such version')
  return { ...summary(version), records: JSON.parse(version.records) as RecordJson[] }
}

/**
 * Makes the board look like the version, as a new change everyone sees live. The state just
 * before is saved as an automatic version first, so a restore never loses anything.
 */
export async function restoreVersion(
  context: ServerContext,
  boardId: string,
  versionId: string,
  language: Language,
) {
  const version = await loadVersion(context, boardId, versionId)
  const before = await saveAutoVersion(context, boardId, 'beforeRestore', language)
  // A restore mostly rewrites records the board has; only the ones it adds count as growth.
  const added = Math.max(0, version.records.length - (await context.reads.records(boardId)).length)
  const diff = await withBoardDoc(
    context,
    boardId,
    (doc) => restoreRecords(doc, version.records),
    costOf(added, 0),
  )
  context.log.info(
    { room: boardId, version: versionId, put: diff.put.length, removed: diff.remove.length },
    'version restored',
  )
  return { restored: summary({ ...version, boardId }), before }
}

/** A new standalone board holding the version, with its own links. */
export async function copyVersion(
  context: ServerContext,
  boardId: string,
  versionId: string,
  title: string,
) {
  const version = await loadVersion(context, boardId, versionId)
  const doc = new Y.Doc()
  doc.transact(() => {
    writeRecords(doc, version.records)
    writeStoredSchema(doc, schema.serialize() as unknown as JsonValue)
  })
  const board: BoardRecord = {
    id: newId(),
    title,
    template: (await context.storage.getBoard(boardId))?.template ?? 'blank',
    createdAt: Date.now(),
  }
  const issued = issueBoardTokens(board.id)
  await context.storage.createBoard(board, Y.encodeStateAsUpdate(doc), issued.records)
  doc.destroy()
  return { board, tokens: issued.tokens }
}
