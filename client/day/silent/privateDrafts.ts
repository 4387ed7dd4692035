import type { Editor, TLShape } from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import type { RecordJson } from '../../../shared/board/boardDoc'
import { DRAFT_COUNT_PRESENCE_KEY, PRIVATE_DRAFT_META_KEY } from '../../../shared/workshopContracts'
import { loadDrafts, saveDrafts } from './draftStore'

export function isPrivateDraft(record: object): boolean {
  const meta = (record as { meta?: Record<string, unknown> }).meta
  return meta?.[PRIVATE_DRAFT_META_KEY] === true
}

const draftsOf = (editor: Editor) =>
  editor.getCurrentPageShapes().filter((shape) => isPrivateDraft(shape))

/**
 * A participant's silent writing on one board. While `writingAlone()` says so, a new note is
 * a private draft: the store binding keeps it out of the doc, IndexedDB keeps it over a
 * reload, and others learn only how many there are (through presence). `reveal` turns every
 * draft into an ordinary note, which the binding then writes into the doc.
 */
export function keepDraftsPrivate(
  editor: Editor,
  options: {
    boardId: string
    awareness: Awareness
    writingAlone: () => boolean
    /** Whether the facilitator has revealed (and how), as the live channel last said. */
    revealed: () => { anonymous: boolean } | undefined
  },
): { revealIfDue(): void; dispose(): void } {
  const { boardId, awareness } = options
  const stopCreate = editor.sideEffects.registerBeforeCreateHandler('shape', (shape) =>
    shape.type === 'note' && options.writingAlone()
      ? { ...shape, meta: { ...shape.meta, [PRIVATE_DRAFT_META_KEY]: true } }
      : shape,
  )
  let restored = false
  let saving: ReturnType<typeof setTimeout> | undefined
  let announced = -1
  const revealIfDue = () => {
    const revealed = options.revealed()
    if (restored && revealed) revealDrafts(editor, revealed.anonymous)
  }
  const save = () => {
    const drafts = draftsOf(editor)
    // Presence goes to everyone on the board: only when the count changes.
    if (drafts.length !== announced) {
      announced = drafts.length
      awareness.setLocalStateField(DRAFT_COUNT_PRESENCE_KEY, drafts.length)
    }
    if (!restored) return
    clearTimeout(saving)
    saving = setTimeout(() => void saveDrafts(boardId, drafts as unknown as RecordJson[]), 200)
  }
  const stopListening = editor.store.listen(save, { scope: 'document' })
  void loadDrafts(boardId).then((drafts) => {
    const missing = drafts.filter((draft) => !editor.store.has(draft.id as TLShape['id']))
    if (missing.length > 0) editor.store.put(missing as unknown as TLShape[])
    restored = true
    save()
    revealIfDue()
  })
  return {
    revealIfDue,
    dispose() {
      clearTimeout(saving)
      if (restored) void saveDrafts(boardId, draftsOf(editor) as unknown as RecordJson[])
      stopCreate()
      stopListening()
    },
  }
}

/** Makes every private draft an ordinary note; without its author when the reveal is anonymous. */
export function revealDrafts(editor: Editor, anonymous: boolean): number {
  const drafts = draftsOf(editor)
  if (drafts.length === 0) return 0
  // Whole records: a partial update would merge the meta and keep the flag.
  const revealed = drafts.map((shape) => {
    const meta: Record<string, unknown> = { ...shape.meta }
    delete meta[PRIVATE_DRAFT_META_KEY]
    if (anonymous) delete meta.author
    return { ...shape, meta: meta as TLShape['meta'] }
  })
  editor.store.put(revealed)
  return drafts.length
}

/** How many drafts the other people on the board are writing now. */
export function othersDraftCount(awareness: Awareness): number {
  let count = 0
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue
    const drafts = (state as Record<string, unknown>)[DRAFT_COUNT_PRESENCE_KEY]
    if (typeof drafts === 'number' && Number.isFinite(drafts) && drafts > 0) count += drafts
  }
  return count
}
