import type { RecordJson } from '../board/boardDoc'

export type Language = 'sv' | 'en'

export interface TemplateContext {
  language: Language
  /** Makes ids unique per board, so a template can be applied twice to one board. */
  newId: (kind: 'shape') => string
}

/** A board template: its title in both languages and the records it places on a board. */
export interface Template {
  id: string
  title: Record<Language, string>
  /** Shapes for the board's page; the structure (areas, headings) is locked. */
  build(context: TemplateContext): RecordJson[]
}
