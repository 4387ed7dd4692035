/**
 * Images on boards. `POST /api/boards/:id/assets?token=…` with the image bytes as the body
 * (roles that may edit the board) → 201 `UploadedAsset`; 415 when the bytes are no PNG, JPEG,
 * WebP or GIF; 413 over MAX_ASSET_BYTES; 403 for viewers (and a recorder off its board).
 * `src` is served from our origin without a token: its id is 128 random bits.
 */
export interface UploadedAsset {
  /** Path on our origin, e.g. `/api/assets/<id>`. */
  src: string
  type: string
  width: number
  height: number
  bytes: number
}

export const ASSET_PATH = '/api/assets/'
