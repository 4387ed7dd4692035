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
}

export interface ApiError {
  error: string
  message: string
}
