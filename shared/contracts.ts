/** Shapes of the HTTP API's JSON bodies, shared by the server, the client and outside tests. */

export interface SyncInfo {
  /** Base WebSocket URL; a stock y-websocket client appends `/${room}`. */
  serverUrl: string
  room: string
  params: Record<string, string>
}

export interface BoardInfo {
  id: string
  title: string
  template: string
  createdAt: number
  url: string
  sync: SyncInfo
}

export interface ClientConfig {
  /** tldraw license key, passed to `<Tldraw licenseKey>`; empty when none is set. */
  tldrawLicenseKey: string
  /**
   * Records one board may hold (MAX_RECORDS_PER_BOARD): the client refuses to add past it
   * with a message. Absent in an answer a service worker kept from an older server.
   */
  maxRecordsPerBoard?: number
}

export interface ApiError {
  error: string
  message: string
}

/** `GET /api/templates` (the lobby) and `GET /api/boards/:id/templates` list these. */
export interface TemplateInfo {
  id: string
  title: string
}

/**
 * A saved template as `GET /api/boards/:id/templates` lists it: shared server-wide or the
 * board's workshop's own, and whether the caller may rename, share or delete it
 * (`PATCH`/`DELETE /api/boards/:id/templates/:templateId`).
 */
export interface SavedTemplateInfo extends TemplateInfo {
  shared: boolean
  manageable: boolean
}

/** `POST /api/templates` body: `shared` lists a workshop's template on the whole server. */
export interface SaveTemplateBody {
  boardId: string
  title: string
  shared?: boolean
}

/** `PATCH /api/boards/:id/templates/:templateId` body. */
export interface PatchTemplateBody {
  title?: string
  shared?: boolean
}
