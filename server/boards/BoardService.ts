import { randomBytes } from 'node:crypto'
import * as Y from 'yjs'
import { createTLSchema } from '@tldraw/tlschema'
import { writeRecords, writeStoredSchema } from '../../shared/board/boardDoc'
import { documentRecord, pageRecord } from '../../shared/board/shapeRecords'
import type { Language } from '../../shared/templates'
import type { JsonValue } from '../../shared/board/yjsValue'
import type { BoardRecord, NewBoard, Storage, TokenRecord } from '../storage/Storage'
import { findTemplate } from './findTemplate'

const schema = createTLSchema()

export class UnknownTemplateError extends Error {}

export function newId(bytes = 12): string {
  return randomBytes(bytes).toString('base64url')
}

const pageName: Record<Language, string> = { sv: 'Tavla', en: 'Board' }

/** Creates boards: a fresh doc holding the tldraw document, one page and the template. */
export class BoardService {
  constructor(private readonly storage: Storage) {}

  /** Creates and stores a board; `tokensFor` gives the new board its own role tokens. */
  async create(
    input: BoardInput,
    tokensFor?: (boardId: string) => TokenRecord[],
  ): Promise<BoardRecord> {
    const { board, initialUpdate } = await buildBoard(input, this.storage)
    await this.storage.createBoard(board, initialUpdate, tokensFor?.(board.id))
    return board
  }
}

export interface BoardInput {
  title: string
  template: string
  language: Language
}

/** A board's record and first doc update, not yet stored (a workshop stores many at once). */
export async function buildBoard(input: BoardInput, storage: Storage): Promise<NewBoard> {
  const template = await findTemplate(storage, input.template)
  if (!template) throw new UnknownTemplateError(`unknown template "${input.template}"`)
  const doc = new Y.Doc()
  const shapes = template.build({
    language: input.language,
    newId: (kind) => `${kind}:${newId(9)}`,
  })
  doc.transact(() => {
    writeRecords(doc, [documentRecord(), pageRecord(pageName[input.language]), ...shapes])
    writeStoredSchema(doc, schema.serialize() as unknown as JsonValue)
  })
  const board: BoardRecord = {
    id: newId(),
    title: input.title,
    template: template.id,
    createdAt: Date.now(),
  }
  const initialUpdate = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return { board, initialUpdate }
}
