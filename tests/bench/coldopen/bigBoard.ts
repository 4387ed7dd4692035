import { getIndices } from '@tldraw/utils'
import {
  readRecords,
  recordsMap,
  writeRecords,
  type RecordJson,
} from '../../../shared/board/boardDoc'
import { noteShape } from '../../../shared/board/shapeRecords'
import type { BoardInfo } from '../../../shared/contracts'
import { isCluster, polarityColour, type Polarity } from '../../../shared/factors'
import { connectProvider, waitFor, whenSynced } from '../../support/syncClients'
import { loadFixture } from '../quality/fixture'
import type { OurServer } from '../servers/serverProcess'

const BATCH = 100
const COLUMNS_PER_HALF = 8
const STEP = 55

/**
 * `count` factor notes spread over the clusters, alternately hindering (left half) and
 * enabling (right half), with the fixture's texts. Positions are relative to the frame.
 */
export function clusterNotes(clusters: RecordJson[], count: number): RecordJson[] {
  const texts = loadFixture().notes.map((note) => note.text)
  const perCluster = clusters.map((_, c) => Math.ceil((count - c) / clusters.length))
  const indices = clusters.map((_, c) => getIndices(perCluster[c]!))
  const notes: RecordJson[] = []
  for (let i = 0; i < count; i++) {
    const c = i % clusters.length
    const k = Math.floor(i / clusters.length)
    const polarity: Polarity = k % 2 === 0 ? 'hindering' : 'enabling'
    const slot = Math.floor(k / 2)
    notes.push(
      noteShape(
        {
          id: `shape:bench-note-${i}`,
          x: 20 + (polarity === 'enabling' ? 490 : 0) + (slot % COLUMNS_PER_HALF) * STEP,
          y: 60 + (Math.floor(slot / COLUMNS_PER_HALF) % 11) * STEP,
          index: indices[c]![k + 1]!,
          parentId: clusters[c]!.id,
          meta: { polarity, author: `Deltagare ${i % 8}`, createdAt: 1_700_000_000_000 + i },
        },
        { text: texts[i % texts.length]!, color: polarityColour[polarity] },
      ),
    )
  }
  return notes
}

/**
 * Creates a key-areas board through POST /api/boards and writes `count` notes into it with a
 * stock y-websocket client, `BATCH` notes per update, as an import or a busy workshop would.
 * Resolves once the server has relayed every note back to a second client.
 */
export async function buildBigBoard(server: OurServer, count: number): Promise<BoardInfo> {
  const board = await server.createBoard({ title: 'Bench: stor tavla', template: 'key-areas' })
  const writer = connectProvider(board.sync)
  const reader = connectProvider(board.sync)
  try {
    await whenSynced(writer.provider)
    await whenSynced(reader.provider)
    const clusters = readRecords(writer.doc).filter(isCluster)
    if (clusters.length !== 11) throw new Error(`expected 11 clusters, found ${clusters.length}`)
    const notes = clusterNotes(clusters, count)
    const expected = recordsMap(reader.doc).size + count
    for (let start = 0; start < notes.length; start += BATCH) {
      writer.doc.transact(() => writeRecords(writer.doc, notes.slice(start, start + BATCH)))
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    await waitFor(() => recordsMap(reader.doc).size === expected, 60_000)
    return board
  } finally {
    writer.provider.destroy()
    reader.provider.destroy()
  }
}
