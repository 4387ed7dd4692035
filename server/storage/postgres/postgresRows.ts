import type { BudgetPolarity, Role, WorkshopBoardKind } from '../../../shared/workshopContracts'
import type {
  AssetRecord,
  BallotRecord,
  BoardRecord,
  ParticipantRecord,
  PublicationRecord,
  TemplateSummary,
  TokenRecord,
  VersionRecord,
  WorkshopBoardRecord,
  WorkshopRecord,
} from '../Storage'
import { toNumber, toNumberOrNull } from './postgresValues'

/**
 * The column lists PostgresStorage selects, and the functions that turn their rows into
 * the records of Storage.ts (bigint strings into numbers, column names into field names).
 */

type Int8 = string | number

export const BOARD_COLUMNS = 'id, title, template, created_at'
export type BoardRow = {
  id: string
  title: string
  template: string
  created_at: Int8
}
export const boardRecord = (row: BoardRow): BoardRecord => ({
  id: row.id,
  title: row.title,
  template: row.template,
  createdAt: toNumber(row.created_at),
})

export type WorkshopBoardRow = BoardRow & { kind: WorkshopBoardKind; position: number }
export const workshopBoardRecord = (row: WorkshopBoardRow): WorkshopBoardRecord => ({
  ...boardRecord(row),
  kind: row.kind,
  position: row.position,
})

export const WORKSHOP_COLUMNS = 'id, title, date, track, template, allow_group_choice, created_at'
export type WorkshopRow = {
  id: string
  title: string
  date: string | null
  track: string | null
  template: string
  allow_group_choice: boolean
  created_at: Int8
}
export const workshopRecord = (row: WorkshopRow): WorkshopRecord => ({
  id: row.id,
  title: row.title,
  date: row.date,
  track: row.track,
  template: row.template,
  allowGroupChoice: row.allow_group_choice,
  createdAt: toNumber(row.created_at),
})

export const TOKEN_COLUMNS = 'id, scope_id, role, hash, sealed, created_at, rotated_at'
export type TokenRow = {
  id: string
  scope_id: string
  role: Role
  hash: Buffer
  sealed: Buffer | null
  created_at: Int8
  rotated_at: Int8 | null
}
export const tokenRecord = (row: TokenRow): TokenRecord => ({
  id: row.id,
  scopeId: row.scope_id,
  role: row.role,
  hash: row.hash,
  sealed: row.sealed,
  createdAt: toNumber(row.created_at),
  rotatedAt: toNumberOrNull(row.rotated_at),
})

export const PARTICIPANT_COLUMNS =
  'id, workshop_id, key_hash, name, municipality, board_id, created_at'
export type ParticipantRow = {
  id: string
  workshop_id: string
  key_hash: Buffer
  name: string
  municipality: string | null
  board_id: string | null
  created_at: Int8
}
export const participantRecord = (row: ParticipantRow): ParticipantRecord => ({
  id: row.id,
  workshopId: row.workshop_id,
  keyHash: row.key_hash,
  name: row.name,
  municipality: row.municipality,
  boardId: row.board_id,
  createdAt: toNumber(row.created_at),
})

export const ASSET_COLUMNS = 'id, board_id, type, data, created_at'
export type AssetRow = {
  id: string
  board_id: string
  type: string
  data: Buffer
  created_at: Int8
}
export const assetRecord = (row: AssetRow): AssetRecord => ({
  id: row.id,
  boardId: row.board_id,
  type: row.type,
  data: row.data,
  createdAt: toNumber(row.created_at),
})

export const VERSION_SUMMARY_COLUMNS = 'id, board_id, name, auto, created_at'
export type VersionRow = {
  id: string
  board_id: string
  name: string
  auto: boolean
  created_at: Int8
}
export const versionSummary = (row: VersionRow): Omit<VersionRecord, 'records'> => ({
  id: row.id,
  boardId: row.board_id,
  name: row.name,
  auto: row.auto,
  createdAt: toNumber(row.created_at),
})

export const PUBLICATION_COLUMNS = 'workshop_id, slug, version, report, note, published_at'
export type PublicationRow = {
  workshop_id: string
  slug: string
  version: number
  report: string | null
  note: string | null
  published_at: Int8
}
export const publicationRecord = (row: PublicationRow): PublicationRecord => ({
  workshopId: row.workshop_id,
  slug: row.slug,
  version: row.version,
  report: row.report,
  note: row.note,
  publishedAt: toNumber(row.published_at),
})

export const BALLOT_COLUMNS = 'vote_id, participant_id, item_id, board_id, votes, polarity'
export type BallotRow = {
  vote_id: string
  participant_id: string
  item_id: string
  board_id: string
  votes: number
  polarity: BudgetPolarity | null
}
export const ballotRecord = (row: BallotRow): BallotRecord => ({
  voteId: row.vote_id,
  participantId: row.participant_id,
  itemId: row.item_id,
  boardId: row.board_id,
  votes: row.votes,
  polarity: row.polarity,
})

export const TEMPLATE_SUMMARY_COLUMNS = 'id, title, created_at, workshop_id, shared'
export type TemplateRow = {
  id: string
  title: string
  created_at: Int8
  workshop_id: string | null
  shared: boolean
}
export const templateSummary = (row: TemplateRow): TemplateSummary => ({
  id: row.id,
  title: row.title,
  createdAt: toNumber(row.created_at),
  workshopId: row.workshop_id,
  shared: row.shared,
})
