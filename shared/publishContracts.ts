import type { PersonalDataKind } from './publish/personalData'

/**
 * The open page (see docs/api.md):
 * - `GET /api/workshops/:id/publish` (F) → `PublishCheck`: what would be published and warned about
 * - `POST /api/workshops/:id/publish` (F) `PublishBody` → 201 `Published`; again → version + 1, same URL
 * - `DELETE /api/workshops/:id/publish` (F) → 204; the page and its downloads then answer 410
 * - `GET /p/:slug` → the page (HTML, no token, read only); `GET /p/:slug/report.(md|docx|csv|json)`
 */
export interface PublishBody {
  /** Show authors' names; left out unless ticked. */
  includeNames?: boolean
  /** What changed since the last version, shown on the page. */
  note?: string
  /** New texts for factors in the published copy (factor id → text); the boards are untouched. */
  edits?: Record<string, string>
}

export interface Published {
  url: string
  version: number
}

export interface PersonalDataWarning {
  factorId: string
  group: string
  text: string
  kinds: PersonalDataKind[]
}

export interface PublishCheck {
  published: { url: string; version: number; publishedAt: number } | null
  warnings: PersonalDataWarning[]
}
