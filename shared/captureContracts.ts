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

/**
 * `POST /api/boards/:target/captures?token=…` (roles that may write the target board, by the
 * same write policy as every other write): places a capture made on another board — a
 * standalone board captured into any board the person may edit. First upload the PNG to
 * `POST /api/boards/:target/assets`, then send its `src` here. → 201 `PlacedCapture`;
 * 400 when `src` is not an image of the target board; 403 when the link may not write there.
 */
export interface PlaceCaptureBody {
  /** `/api/assets/<id>` as the target board's upload answered. */
  src: string
  width: number
  height: number
  /** The frame's name, e.g. "Idéer · 10:42" (see `captureLabel`). */
  label: string
  altText: string
  /** The board the picture shows; the image links to it (without a token). */
  sourceBoardId: string
}

export interface PlacedCapture {
  frameId: string
}
