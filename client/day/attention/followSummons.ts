import type { Editor } from 'tldraw'
import type { AttentionEvent } from '../../../shared/workshopContracts'

/** Moves this page's camera to the facilitator's view when they summon everyone on the board. */
export function followSummon(editor: Editor, event: AttentionEvent, boardId: string) {
  if (event.kind !== 'summon' || event.boardId !== boardId) return
  editor.zoomToBounds(event.bounds, { animation: { duration: 400 } })
}
