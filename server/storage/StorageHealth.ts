/** What /healthz says about storage: fine, or the last write that failed and when. */
export interface StorageStatus {
  ok: boolean
  /** SQLite's error code of the last failed write, e.g. SQLITE_FULL. */
  error?: string
  failedAt?: number
}

/**
 * Remembers whether the last write to storage worked. A failed write (a full disk, an I/O
 * error) marks storage failed until a later write succeeds, so an operator's health check
 * sees the problem while boards are still being worked on.
 */
export class StorageHealth {
  private failure: { error: string; at: number } | undefined

  recordFailure(error: unknown) {
    this.failure = { error: storageErrorCode(error), at: Date.now() }
  }

  recordSuccess() {
    this.failure = undefined
  }

  get status(): StorageStatus {
    if (!this.failure) return { ok: true }
    return { ok: false, error: this.failure.error, failedAt: this.failure.at }
  }
}

/** SQLite's code (SQLITE_FULL, SQLITE_IOERR_WRITE …) or the error's name. */
export function storageErrorCode(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code
  if (typeof code === 'string') return code
  return error instanceof Error ? error.name : 'unknown'
}

/** Errors that mean storage cannot take writes now, as opposed to a bug in the caller. */
export function isStorageFailure(error: unknown): boolean {
  return /^SQLITE_(FULL|IOERR|CANTOPEN|READONLY|CORRUPT|NOTADB|BUSY|LOCKED|PROTOCOL)/.test(
    storageErrorCode(error),
  )
}
