const NAME_KEY = 'samskapa.displayName'
const ID_KEY = 'samskapa.userId'

/** Cursor colours with enough contrast against the white canvas. */
const COLOURS = [
  '#d9480f',
  '#2b8a3e',
  '#1864ab',
  '#862e9c',
  '#c2255c',
  '#5f3dc4',
  '#0b7285',
  '#a61e4d',
]

export interface Identity {
  id: string
  name: string
  color: string
}

export function storedDisplayName(): string {
  return localStorage.getItem(NAME_KEY) ?? ''
}

export function storeDisplayName(name: string) {
  localStorage.setItem(NAME_KEY, name.trim())
}

/** A stable id and colour for this browser, and the remembered display name. */
export function identity(): Identity {
  let id = localStorage.getItem(ID_KEY)
  if (!id) {
    id = crypto.randomUUID()
    localStorage.setItem(ID_KEY, id)
  }
  const hash = [...id].reduce((sum, char) => sum + char.charCodeAt(0), 0)
  return { id, name: storedDisplayName(), color: COLOURS[hash % COLOURS.length]! }
}
