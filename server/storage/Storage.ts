/** A board's stored metadata. */
export interface BoardRecord {
  id: string
  title: string
  template: string
  createdAt: number
}

/** A template saved from a board; `records` is the JSON of its shapes. */
export interface TemplateRecord {
  id: string
  title: string
  records: string
  createdAt: number
}

/** What is stored of a board's Y.Doc: a compacted snapshot plus the updates since it. */
export interface StoredDoc {
  snapshot: Uint8Array | undefined
  updates: Uint8Array[]
  /** Sequence number of the newest stored update; compaction deletes up to it. */
  lastSeq: number
}

/**
 * Where boards live. The SQLite implementation is the default; another (Postgres) plugs in
 * behind the same interface without touching the room code. All methods are synchronous
 * and durable when they return, so the sync server may relay an update right after storing it.
 */
export interface Storage {
  createBoard(board: BoardRecord, initialUpdate: Uint8Array): void
  getBoard(id: string): BoardRecord | undefined
  /** Reads a board's doc data; throws StorageError if a row cannot be read. */
  loadDoc(boardId: string): StoredDoc
  /** Appends updates in one transaction and returns the last sequence number. */
  appendUpdates(boardId: string, updates: Uint8Array[]): number
  /** Replaces the snapshot and deletes the updates it includes (up to and including `uptoSeq`). */
  compact(boardId: string, snapshot: Uint8Array, uptoSeq: number): void
  saveTemplate(template: TemplateRecord): void
  /** Saved templates, oldest first, without their records. */
  listTemplates(): Omit<TemplateRecord, 'records'>[]
  getTemplate(id: string): TemplateRecord | undefined
  close(): void
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
