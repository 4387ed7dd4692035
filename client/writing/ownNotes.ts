import { useSyncExternalStore } from 'react'
import type { Editor, TLShape } from 'tldraw'

/**
 * The notes this browser wrote on a board, remembered locally by id: "your notes" must work on
 * anonymous boards (no author is stored) and never mix up two people of the same name.
 */
const PREFIX = 'samskapa.ownNotes.'
/** A phone writes a few dozen notes a day; the oldest ids beyond this are forgotten. */
const MAX_REMEMBERED = 500
const listeners = new Set<() => void>()
const cache = new Map<string, ReadonlySet<string>>()

function read(boardId: string): ReadonlySet<string> {
  const known = cache.get(boardId)
  if (known) return known
  let ids: string[] = []
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(PREFIX + boardId) ?? '[]')
    if (Array.isArray(parsed)) ids = parsed.filter((id): id is string => typeof id === 'string')
  } catch {
    // A damaged entry only means the list starts empty again.
  }
  const set = new Set(ids)
  cache.set(boardId, set)
  return set
}

export function rememberOwnNote(boardId: string, noteId: string) {
  const ids = [...read(boardId), noteId].slice(-MAX_REMEMBERED)
  localStorage.setItem(PREFIX + boardId, JSON.stringify(ids))
  cache.set(boardId, new Set(ids))
  listeners.forEach((listener) => listener())
}

/** The ids of this browser's own notes on a board, live. */
export function useOwnNoteIds(boardId: string): ReadonlySet<string> {
  return useSyncExternalStore(
    (onChange) => {
      listeners.add(onChange)
      return () => listeners.delete(onChange)
    },
    () => read(boardId),
  )
}

/** Notes this person creates on the canvas count as their own too. */
export function rememberNotesWrittenHere(editor: Editor, boardId: string): () => void {
  return editor.sideEffects.registerAfterCreateHandler('shape', (shape: TLShape, source) => {
    if (source === 'user' && shape.type === 'note') rememberOwnNote(boardId, shape.id)
  })
}
