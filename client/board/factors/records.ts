import type { Editor, TLRecord, TLShape } from 'tldraw'
import type { RecordJson } from '../../../shared/board/boardDoc'
import { readFactor } from '../../../shared/factors/readFactor'
import type { Factor } from '../../../shared/factors/Factor'

/** tldraw's records are plain JSON; the shared domain code reads them as such. */
export function asRecordJson(record: TLRecord): RecordJson {
  return record as unknown as RecordJson
}

export function factorOf(shape: TLShape): Factor {
  return readFactor(asRecordJson(shape))
}

/** Every shape on the current page, as JSON records for the shared domain code. */
export function pageRecords(editor: Editor): RecordJson[] {
  return editor.getCurrentPageShapes().map(asRecordJson)
}
