import { createContext, useCallback, useContext, useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import {
  observeBoardSettings,
  readBoardSettings,
  writeBoardSettings,
  type BoardSettings,
} from '../../../shared/board/boardSettings'

export interface BoardSettingsState {
  settings: BoardSettings
  update(patch: Partial<BoardSettings>): void
  /** Whether this person may change board-wide settings (facilitators, once roles exist). */
  canManageBoard: boolean
}

export const BoardSettingsContext = createContext<BoardSettingsState>({
  settings: { anonymous: false },
  update: () => {},
  canManageBoard: false,
})

export function useBoardSettings(): BoardSettingsState {
  return useContext(BoardSettingsContext)
}

/** The board's settings as live React state, following every client's changes. */
export function useBoardSettingsState(doc: Y.Doc, canManageBoard: boolean): BoardSettingsState {
  // An external store, not state read once: the editor mounts while the doc still loads, and
  // settings that arrive before a listener would be in place must not be missed.
  const subscribe = useCallback(
    (onChange: () => void) => observeBoardSettings(doc, onChange),
    [doc],
  )
  const stored = useSyncExternalStore(subscribe, () => JSON.stringify(readBoardSettings(doc)))
  // The same value until something in it changes: every note's badge reads this context, so a
  // new object on each render of the board redrew all of them (2,000 on a big board).
  return useMemo(
    () => ({
      settings: JSON.parse(stored) as BoardSettings,
      canManageBoard,
      update: (patch) => writeBoardSettings(doc, patch),
    }),
    [stored, canManageBoard, doc],
  )
}
