import * as Y from 'yjs'
import { recordsMap, writeRecords } from '../../shared/board/boardDoc'
import { noteShape } from '../../shared/board/shapeRecords'
import type { SyncInfo } from '../../shared/contracts'
import { connectProvider, waitFor, whenSynced } from './syncClients'

const NOTES_PER_UPDATE = 250

/**
 * Writes `notes` short notes onto a board through its sync socket, as participants would, in
 * updates of 250 (each well under the message limit), laid out `columns` wide. Resolves once
 * the server holds them all; rejects if it closed the connection.
 */
export async function fillBoard(
  sync: SyncInfo,
  notes: number,
  options: { columns?: number; prefix?: string } = {},
): Promise<void> {
  const { columns = 50, prefix = 'fill' } = options
  const { doc, provider } = connectProvider(sync, new Y.Doc())
  let closedWith: string | undefined
  provider.on('connection-close', (event) => {
    closedWith ??= `${event?.code} ${event?.reason}`
  })
  try {
    await whenSynced(provider)
    const target = recordsMap(doc).size + notes
    for (let start = 0; start < notes; start += NOTES_PER_UPDATE) {
      const batch = Array.from({ length: Math.min(NOTES_PER_UPDATE, notes - start) }, (_, k) => {
        const i = start + k
        const at = { x: (i % columns) * 220, y: Math.floor(i / columns) * 220, index: 'a1' }
        return noteShape({ id: `shape:${prefix}${i}`, ...at }, { text: `n ${i}`, color: 'yellow' })
      })
      doc.transact(() => writeRecords(doc, batch))
      // The server has each batch before the next goes, so its message limits never bite.
      await waitFor(() => closedWith !== undefined || provider.ws?.bufferedAmount === 0, 30_000)
      if (closedWith) throw new Error(`the server closed the filling connection: ${closedWith}`)
    }
    // Read back through a second client: the board as the server now serves it.
    const reader = connectProvider(sync, new Y.Doc())
    try {
      await whenSynced(reader.provider)
      await waitFor(async () => {
        if (recordsMap(reader.doc).size >= target) return true
        await new Promise((resolve) => setTimeout(resolve, 100))
        return false
      }, 30_000)
    } finally {
      reader.provider.destroy()
    }
  } finally {
    provider.destroy()
  }
}
