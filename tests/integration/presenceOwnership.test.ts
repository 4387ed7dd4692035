import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../support/testServer'
import { waitFor } from '../support/syncClients'
import { createWorkshop, HandMadeClient, tokenOf } from '../support/workshopClients'

let server: TestServer | undefined
const cleanups: (() => void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  await server?.stop()
  server = undefined
})

/** An awareness message speaking for `clientId`, as a spoofer would write it by hand. */
function presenceFrame(clientId: number, clock: number, state: unknown): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, 1)
  encoding.writeVarUint(update, clientId)
  encoding.writeVarUint(update, clock)
  encoding.writeVarString(update, JSON.stringify(state))
  const message = encoding.createEncoder()
  encoding.writeVarUint(message, 1)
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update))
  return encoding.toUint8Array(message)
}

describe('presence', () => {
  it('keeps another connection from taking over or removing a person’s presence', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url)
    const board = workshop.boards[0]!
    const url = (role: 'facilitator' | 'viewer') =>
      `${board.sync.serverUrl}/${board.id}?token=${tokenOf(workshop.links[role])}`
    const open = async (role: 'facilitator' | 'viewer') => {
      const client = new HandMadeClient(url(role))
      cleanups.push(() => client.close())
      await client.opened
      return client
    }
    const alice = await open('facilitator')
    const observer = await open('viewer')
    const mallory = await open('viewer')
    alice.sendPresence({ user: { name: 'Alice' } })
    const aliceId = alice.doc.clientID
    const seen = () => observer.awareness.getStates().get(aliceId) as { user?: { name: string } }
    await waitFor(() => seen()?.user?.name === 'Alice')

    mallory.socket.send(presenceFrame(aliceId, 1000, { user: { name: 'Mallory' } }))
    mallory.socket.send(presenceFrame(aliceId, 1001, null))
    // A presence of Mallory's own travels the same way, so once it arrives the spoof would have.
    mallory.socket.send(presenceFrame(424242, 1, { user: { name: 'Mallory' } }))
    await waitFor(() => observer.awareness.getStates().has(424242))
    expect(seen()?.user?.name).toBe('Alice')
    expect(server.rooms.get(board.id)!.awareness.getStates().get(aliceId)).toEqual({
      user: { name: 'Alice' },
    })

    // Leaving takes only Mallory's own presence with it.
    mallory.close()
    await waitFor(() => !observer.awareness.getStates().has(424242))
    expect(seen()?.user?.name).toBe('Alice')
  })
})
