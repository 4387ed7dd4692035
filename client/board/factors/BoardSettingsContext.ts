import { createContext, useContext, useEffect, useMemo, useState } from 'react'
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
  const [settings, setSettings] = useState(() => readBoardSettings(doc))
  // A board editor keeps one doc for its whole life, so the initial read stays valid.
  useEffect(() => observeBoardSettings(doc, setSettings), [doc])
  // The same value until something in it changes: every note's badge reads this context, so a
  // new object on each render of the board redrew all of them (2,000 on a big board).
  return useMemo(
    () => ({ settings, canManageBoard, update: (patch) => writeBoardSettings(doc, patch) }),
    [settings, canManageBoard, doc],
  )
}
