import { afterEach, describe, expect, it } from 'vitest'
import { connectProvider, waitFor, whenSynced } from '../support/syncClients'
import { startTestServer, type TestServer } from '../support/testServer'

let server: TestServer | undefined
afterEach(async () => {
  await server?.stop()
  server = undefined
})

/** Two people in one room; A moves its cursor five times, B notes each position it is told. */
async function cursorPositionsSeen(env: Record<string, string>): Promise<number[]> {
  server = await startTestServer({ AWARENESS_INTERVAL_MS: '1000', ...env })
  const board = await server.createBoard()
  const a = connectProvider(board.sync)
  const b = connectProvider(board.sync)
  try {
    await Promise.all([whenSynced(a.provider), whenSynced(b.provider)])
    const seen: number[] = []
    b.provider.awareness.on('change', () => {
      const cursor = b.provider.awareness.getStates().get(a.doc.clientID)?.cursor
      if (typeof cursor === 'number' && seen.at(-1) !== cursor) seen.push(cursor)
    })
    for (let cursor = 1; cursor <= 5; cursor++) {
      a.provider.awareness.setLocalStateField('cursor', cursor)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    await waitFor(() => seen.at(-1) === 5)
    return seen
  } finally {
    a.provider.destroy()
    b.provider.destroy()
  }
}

describe('presence relay', () => {
  it('passes every cursor move on at once in a small room', async () => {
    expect(await cursorPositionsSeen({})).toEqual([1, 2, 3, 4, 5])
  })

  it('batches cursor moves in a room larger than PRESENCE_BATCH_ABOVE', async () => {
    const seen = await cursorPositionsSeen({ PRESENCE_BATCH_ABOVE: '1' })
    expect(seen.at(-1)).toBe(5)
    expect(seen.length).toBeLessThan(5)
  })

  it('tells the others that a person left while a batch was pending, and lives on', async () => {
    server = await startTestServer({ AWARENESS_INTERVAL_MS: '500', PRESENCE_BATCH_ABOVE: '1' })
    const board = await server.createBoard()
    const stays = connectProvider(board.sync)
    const leaves = connectProvider(board.sync)
    try {
      await Promise.all([whenSynced(stays.provider), whenSynced(leaves.provider)])
      leaves.provider.awareness.setLocalStateField('cursor', 1)
      const id = leaves.doc.clientID
      await waitFor(() => stays.provider.awareness.getStates().has(id))
      // A move and then the leave fall into one batch window: before the fix, relaying the
      // batch read the clock of an id already forgotten and the process exited.
      leaves.provider.awareness.setLocalStateField('cursor', 2)
      leaves.provider.destroy()
      await waitFor(() => !stays.provider.awareness.getStates().has(id))
      await new Promise((resolve) => setTimeout(resolve, 800))
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    } finally {
      stays.provider.destroy()
      leaves.provider.destroy()
    }
  })
})
