import type { RecordJson } from './board/boardDoc'

/**
 * Versions of a board (see docs/api.md):
 * - `POST /api/boards/:id/versions` `{ name }` (roles that may edit the board) → 201 `VersionSummary`
 * - `GET /api/boards/:id/versions` → `VersionSummary[]`, newest first
 * - `GET /api/boards/:id/versions/:vid` → `VersionDetail`
 * - `POST /api/boards/:id/versions/:vid/restore` (facilitator) → 200 `{ restored, before }`
 * - `POST /api/boards/:id/versions/:vid/copy` (facilitator) → 201 `CreatedBoard`
 */
export interface VersionSummary {
  id: string
  name: string
  createdAt: number
  /** Saved by the server (before a gather, a restore, an agenda step), not by a person. */
  auto: boolean
}

export interface VersionDetail {
  id: string
  name: string
  createdAt: number
  auto: boolean
  /** The board's document records (shapes, pages, bindings, assets) as they were. */
  records: RecordJson[]
}

export interface SaveVersionBody {
  name: string
}

export interface RestoredVersion {
  restored: VersionSummary
  /** The automatic version holding the board as it was just before the restore. */
  before: VersionSummary
}
