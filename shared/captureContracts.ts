import type { RecordJson } from './board/boardDoc'

/**
 * Captures (Fånga alla grupper, Fånga) are drawn in the recorder's browser:
 * - `GET /api/boards/:id/records` (every role that may read the board) → `BoardRecords`
 * - the rendered PNG goes to `POST /api/boards/:recorderBoard/assets` like any image, and is
 *   placed in a locked frame whose shapes carry `CaptureMeta`.
 */
export interface BoardRecords {
  records: RecordJson[]
}

/** Meta of a capture's frame and image: where it came from, and when. */
export interface CaptureMeta {
  [key: string]: string | number
  captureOf: string
  captureLabel: string
  capturedAt: number
}
