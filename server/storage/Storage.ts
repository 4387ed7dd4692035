import type { BudgetPolarity, Role } from '../../shared/workshopContracts'
import type { WorkshopBoardKind } from '../../shared/workshopContracts'

/** A board's stored metadata. */
export interface BoardRecord {
  id: string
  title: string
  template: string
  createdAt: number
}

/**
 * A template saved from a board; `records` is the JSON of its shapes. A template saved in a
 * workshop belongs to it (listed only there, erased with it) unless shared server-wide.
 */
export interface TemplateRecord {
  id: string
  title: string
  records: string
  createdAt: number
  /** The workshop it was saved in; null for one saved on a standalone board, or orphaned. */
  workshopId: string | null
  /** Listed on every board and in the lobby, and kept when its workshop is erased. */
  shared: boolean
}

export type TemplateSummary = Omit<TemplateRecord, 'records'>

/** What is stored of a board's Y.Doc: a compacted snapshot plus the updates since it. */
export interface StoredDoc {
  snapshot: Uint8Array | undefined
  updates: Uint8Array[]
  /** Sequence number of the newest stored update; compaction deletes up to it. */
  lastSeq: number
}

export interface WorkshopRecord {
  id: string
  title: string
  date: string | null
  track: string | null
  template: string
  allowGroupChoice: boolean
  createdAt: number
}

/**
 * A board's doc rebuilt from its records (server/sync/epochs): `snapshot` replaces the stored
 * doc and the updates up to `uptoSeq`; `base` is the doc as it was, kept as epoch `baseEpoch`
 * so a client that was offline with that copy can still hand in what it wrote.
 */
export interface RebuiltDoc {
  snapshot: Uint8Array
  uptoSeq: number
  baseEpoch: number
  base: Uint8Array
  /** The base's state vector: every item up to these clocks belongs to an earlier epoch. */
  baseClocks: Uint8Array
}

/** How many earlier epochs of a board are kept for offline clients to hand their edits in. */
export const KEPT_EPOCH_BASES = 3

/** A board of a workshop, in the workshop's order (groups first, then the plenary). */
export interface WorkshopBoardRecord extends BoardRecord {
  kind: WorkshopBoardKind
  position: number
}

/** Where a board of a workshop stands, as far as who may write on it depends on it. */
export interface WorkshopBoardPlace {
  workshopId: string
  kind: WorkshopBoardKind
  /** The facilitator opened it to every participant (e.g. the plenary during a plenary step). */
  openToAll: boolean
}

/** A new board with its first doc update. */
export interface NewBoard {
  board: BoardRecord
  initialUpdate: Uint8Array
}

/**
 * One role's credential on a scope (a workshop, or a standalone board). Only the SHA-256 of
 * the token is kept. `sealed` is the token itself encrypted with a key derived from the
 * facilitator's token (null for the facilitator's own), so only a facilitator can show the
 * links again; the database alone opens nothing.
 */
export interface TokenRecord {
  id: string
  scopeId: string
  role: Role
  hash: Buffer
  sealed: Buffer | null
  createdAt: number
  rotatedAt: number | null
}

export interface ParticipantRecord {
  id: string
  workshopId: string
  /** SHA-256 of the participant's secret key. */
  keyHash: Buffer
  name: string
  municipality: string | null
  boardId: string | null
  createdAt: number
}

/** An image stored for a board, already checked and re-encoded. */
export interface AssetRecord {
  id: string
  boardId: string
  /** The sniffed MIME type, e.g. `image/png`. */
  type: string
  data: Buffer
  createdAt: number
}

/** A saved state of a board; `records` is the JSON of its document records. */
export interface VersionRecord {
  id: string
  boardId: string
  name: string
  auto: boolean
  records: string
  createdAt: number
}

/**
 * A workshop's open page. `report` is the frozen, anonymised report JSON; null once
 * unpublished, when the slug is kept only so its URL can answer 410.
 */
export interface PublicationRecord {
  workshopId: string
  slug: string
  version: number
  report: string | null
  note: string | null
  publishedAt: number
}

/** How many votes one participant gave one item in one vote. */
export interface BallotRecord {
  voteId: string
  participantId: string
  itemId: string
  boardId: string
  votes: number
  /** With separate budgets: the budget these votes count against (the note's at first vote). */
  polarity: BudgetPolarity | null
}

/**
 * Where boards and workshops live. The SQLite implementation is the default; PostgreSQL plugs
 * in behind the same interface without touching the room code. Every method is asynchronous,
 * and a write is durable when its promise resolves, so the sync server relays an update only
 * after `appendUpdates` has resolved.
 */
export interface Storage {
  /** Creates a board, and its tokens when given, in one transaction. */
  createBoard(board: BoardRecord, initialUpdate: Uint8Array, tokens?: TokenRecord[]): Promise<void>
  getBoard(id: string): Promise<BoardRecord | undefined>
  /** Reads a board's doc data; throws StorageError if a row cannot be read. */
  loadDoc(boardId: string): Promise<StoredDoc>
  /** Appends updates in one transaction and returns the last sequence number. */
  appendUpdates(boardId: string, updates: Uint8Array[]): Promise<number>
  /** Replaces the snapshot and deletes the updates it includes (up to and including `uptoSeq`). */
  compact(boardId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void>
  /**
   * Stores a rebuilt doc in one transaction and keeps the newest KEPT_EPOCH_BASES bases.
   * Returns false, changing nothing, if an update after `uptoSeq` was stored meanwhile.
   */
  rebuildDoc(boardId: string, rebuilt: RebuiltDoc): Promise<boolean>
  /** The stored doc of an earlier epoch (as `RebuiltDoc.base`), if still kept. */
  epochBase(boardId: string, epoch: number): Promise<Uint8Array | undefined>
  /** The `baseClocks` of every kept base. */
  epochClocks(boardId: string): Promise<Uint8Array[]>
  saveTemplate(template: TemplateRecord): Promise<void>
  /**
   * Saved templates, oldest first, without their records: the shared ones, and with
   * `workshopId` also that workshop's own.
   */
  listTemplates(workshopId?: string): Promise<TemplateSummary[]>
  /** How many templates the server keeps, shared or a workshop's own. */
  countTemplates(): Promise<number>
  getTemplate(id: string): Promise<TemplateRecord | undefined>
  updateTemplate(id: string, patch: { title?: string; shared?: boolean }): Promise<void>
  deleteTemplate(id: string): Promise<void>

  /**
   * A number that grows whenever something is stored for the board (an update), and stays
   * the same across compaction: cached reads of the board are valid while it is unchanged.
   */
  docVersion(boardId: string): Promise<number>

  /** Milliseconds since the epoch of the newest stored update of a board, if any. */
  lastActivity(boardId: string): Promise<number | null>

  /** Creates a workshop with all its boards and tokens in one transaction. */
  createWorkshop(
    workshop: WorkshopRecord,
    boards: (NewBoard & { kind: WorkshopBoardKind })[],
    tokens: TokenRecord[],
  ): Promise<void>
  getWorkshop(id: string): Promise<WorkshopRecord | undefined>
  updateWorkshop(id: string, patch: { title?: string; allowGroupChoice?: boolean }): Promise<void>
  workshopBoards(workshopId: string): Promise<WorkshopBoardRecord[]>
  /** The workshop a board belongs to, if any. */
  workshopOfBoard(boardId: string): Promise<string | undefined>
  /**
   * Adds boards (after its other boards) and tokens to an existing workshop in one transaction:
   * how a workshop made before the recorder role gets its recorder board and link.
   */
  extendWorkshop(
    workshopId: string,
    boards: (NewBoard & { kind: WorkshopBoardKind })[],
    tokens: TokenRecord[],
  ): Promise<void>
  /** The workshop, kind and openness of a workshop's board; undefined for a standalone board. */
  boardPlace(boardId: string): Promise<WorkshopBoardPlace | undefined>
  /** Opens a workshop's board to every participant of the workshop, or closes it again. */
  setBoardOpen(boardId: string, open: boolean): Promise<void>
  /**
   * Erases a workshop: boards, updates, snapshots, tokens, participants and the templates
   * saved in it that were not shared (shared ones stay, owned by no workshop).
   */
  deleteWorkshop(id: string): Promise<void>

  /** The tokens of a scope (a workshop id or a standalone board id). */
  tokensOf(scopeId: string): Promise<TokenRecord[]>
  /** Replaces tokens by id (rotation), all in one transaction. */
  replaceTokens(tokens: TokenRecord[]): Promise<void>

  addParticipant(participant: ParticipantRecord): Promise<void>
  findParticipant(workshopId: string, keyHash: Buffer): Promise<ParticipantRecord | undefined>
  participants(workshopId: string): Promise<ParticipantRecord[]>
  getParticipant(workshopId: string, id: string): Promise<ParticipantRecord | undefined>
  /** Sets participants' boards (null unassigns), in one transaction. */
  assignParticipants(workshopId: string, assignments: Record<string, string | null>): Promise<void>

  saveVersion(version: VersionRecord): Promise<void>
  /** A board's versions, newest first, without their records. */
  listVersions(boardId: string): Promise<Omit<VersionRecord, 'records'>[]>
  getVersion(boardId: string, id: string): Promise<VersionRecord | undefined>
  deleteVersions(ids: string[]): Promise<void>

  /** Inserts or replaces a workshop's publication. */
  savePublication(publication: PublicationRecord): Promise<void>
  publicationOf(workshopId: string): Promise<PublicationRecord | undefined>
  publicationBySlug(slug: string): Promise<PublicationRecord | undefined>

  saveAsset(asset: AssetRecord): Promise<void>
  getAsset(id: string): Promise<AssetRecord | undefined>

  /** The day's state of a workshop (agenda, timer, votes …) as JSON; see server/day/. */
  readWorkshopDay(workshopId: string): Promise<string | undefined>
  writeWorkshopDay(workshopId: string, json: string): Promise<void>
  /** A participant's ballots in one vote: itemId → votes. */
  ballotsOf(voteId: string, participantId: string): Promise<BallotRecord[]>
  /** Every ballot of a vote. */
  allBallots(voteId: string): Promise<BallotRecord[]>
  /** Sets one participant's votes on one item (0 deletes the row). */
  setBallot(workshopId: string, ballot: BallotRecord): Promise<void>

  /**
   * Runs `task` so that no other task with the same key runs at the same time, in this process
   * or in any other process sharing the database: how a read, a check and the write after it
   * (a day's record, a participant's ballots) stay one step when several nodes serve one
   * workshop. The task's own reads and writes go through the ordinary methods. Its failure
   * is its caller's, and frees the key for the next task. Tasks must not nest: a task that
   * waits for another key's section could wait on a node that waits for it.
   */
  serialized<T>(key: string, task: () => Promise<T>): Promise<T>

  /** Moves the write-ahead log into the database file and empties it. */
  checkpoint(): Promise<void>
  close(): Promise<void>
}

export class StorageError extends Error {
  constructor(
    message: string,
    readonly boardId: string,
  ) {
    super(message)
    this.name = 'StorageError'
  }
}
