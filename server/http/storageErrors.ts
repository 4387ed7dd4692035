import { HttpError } from './respond'

/** What a client gets when storage refused a write: try again later, nothing was changed. */
export function storageFailed(): HttpError {
  return new HttpError(
    503,
    'storage_failed',
    'the server could not store the change (storage is full or failing); nothing was changed',
  )
}
