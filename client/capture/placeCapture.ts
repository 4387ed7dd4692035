import { AssetRecordType, createShapeId, type Editor, type TLRecord, type TLShapeId } from 'tldraw'
import { captureRecords, type CaptureToPlace } from '../../shared/capture/captureRecords'

export type { CaptureToPlace }

/**
 * Puts captures on the open board below what is there (see `captureRecords`), in one change
 * that syncs like any other edit. Returns the frames' ids.
 */
export function placeCaptures(editor: Editor, captures: readonly CaptureToPlace[]): TLShapeId[] {
  const pageId = editor.getCurrentPageId()
  const records = captureRecords(captures, {
    occupied: editor.getCurrentPageBounds(),
    topIndex: editor.getHighestIndexForParent(pageId),
    pageId,
    newId: (kind) => (kind === 'asset' ? AssetRecordType.createId() : createShapeId()),
  })
  editor.run(() => editor.store.put(records as unknown as TLRecord[]))
  return records
    .filter((record) => record.typeName === 'shape' && record.type === 'frame')
    .map((record) => record.id as TLShapeId)
}
