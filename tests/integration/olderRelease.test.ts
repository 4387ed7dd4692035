import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRecord, writeRecords, writeStoredSchema } from '../../shared/board/boardDoc'
import type { RecordJson } from '../../shared/board/boardDoc'
import type { JsonValue } from '../../shared/board/yjsValue'
import { SqliteStorage } from '../../server/storage/SqliteStorage'
import { connectProvider, whenSynced } from '../support/syncClients'
import { startTestServer, type TestServer } from '../support/testServer'
import { tldrawSchema } from '../support/tldrawStore'
import { docFromStored } from '../../server/storage/storedDoc'

/** The schema and a note exactly as Samskapa wrote them on tldraw 5.1.1 (the release before). */
const fixture = JSON.parse(
  fs.readFileSync(
    path.join(path.dirname(fileURLToPath(import.meta.url)), '../support/tldraw-5.1.1-board.json'),
    'utf8',
  ),
) as { schema: JsonValue; note: RecordJson }

let server: TestServer | undefined
afterEach(async () => {
  await server?.stop()
  server = undefined
})

/** Writes the 5.1.1 note and schema straight into the stored board, as that release left it. */
async function storeAsOlderRelease(dataDir: string, boardId: string) {
  const storage = new SqliteStorage(dataDir)
  try {
    const stored = await storage.loadDoc(boardId)
    const doc = docFromStored(stored)
    const before = Y.encodeStateVector(doc)
    doc.transact(() => {
      writeRecords(doc, [fixture.note])
      writeStoredSchema(doc, fixture.schema)
    })
    await storage.appendUpdates(boardId, [Y.encodeStateAsUpdate(doc, before)])
  } finally {
    await storage.close()
  }
}

describe('a board written by the previous release (tldraw 5.1.1)', () => {
  it('opens migrated to the current tldraw schema', async () => {
    server = await startTestServer()
    const board = await server.createBoard({ title: 'Gammal tavla' })
    const dataDir = server.dataDir
    await server.stop()
    storeAsOlderRelease(dataDir, board.id)

    server = await startTestServer({}, dataDir)
    const serverUrl = new URL(board.sync.serverUrl)
    serverUrl.host = new URL(server.url).host
    const sync = { ...board.sync, serverUrl: serverUrl.toString() }
    const { doc, provider } = connectProvider(sync)
    try {
      await whenSynced(provider)
      const note = readRecord(doc, 'shape:old') as unknown as { props: Record<string, unknown> }
      expect(note.props.textFirstEditedBy).toBeUndefined()
      expect(note.props.textLastEditedBy).toBeNull()
      expect(() => tldrawSchema.types.shape.validate(note)).not.toThrow()
    } finally {
      provider.destroy()
    }
  })
})
