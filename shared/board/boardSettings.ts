import type * as Y from 'yjs'
import { metaMap } from './boardDoc'

/** Board-wide choices the group makes together; stored in the doc so every client follows them. */
export interface BoardSettings {
  /** New notes carry no author, and authors are not shown. */
  anonymous: boolean
}

const SETTINGS_KEY = 'boardSettings'

const DEFAULTS: BoardSettings = { anonymous: false }

/** The board's settings; missing or mistyped fields fall back to the defaults. */
export function readBoardSettings(doc: Y.Doc): BoardSettings {
  const stored = metaMap(doc).get(SETTINGS_KEY)
  const parsed = typeof stored === 'string' ? safeParse(stored) : {}
  return {
    anonymous: typeof parsed.anonymous === 'boolean' ? parsed.anonymous : DEFAULTS.anonymous,
  }
}

/** Changes some settings. Stored as one JSON string: settings are few and change rarely. */
export function writeBoardSettings(doc: Y.Doc, patch: Partial<BoardSettings>) {
  const next = { ...readBoardSettings(doc), ...patch }
  metaMap(doc).set(SETTINGS_KEY, JSON.stringify(next))
}

/** Calls `listener` with the settings whenever another client or this one changes them. */
export function observeBoardSettings(
  doc: Y.Doc,
  listener: (settings: BoardSettings) => void,
): () => void {
  const map = metaMap(doc)
  const onChange = (event: Y.YMapEvent<unknown>) => {
    if (event.keysChanged.has(SETTINGS_KEY)) listener(readBoardSettings(doc))
  }
  map.observe(onChange)
  return () => map.unobserve(onChange)
}

function safeParse(json: string): { anonymous?: unknown } {
  try {
    const value: unknown = JSON.parse(json)
    return typeof value === 'object' && value !== null ? value : {}
  } catch {
    return {}
  }
}
