import * as Y from 'yjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readRecords, writeRecords } from '../../shared/board/boardDoc'
import { CloseCode } from '../../shared/closeCodes'
import { noteShape } from '../../shared/board/shapeRecords'
import type { SyncInfo } from '../../shared/contracts'
import type { CreatedWorkshop } from '../../shared/workshopContracts'
import {
  clusterSuiteAvailable,
  leaseHolder,
  loadFromPostgres,
  sharedServers,
  type ClusterNode,
} from '../support/clusterNodes'
import { openLive } from '../support/liveClient'
import { connectProvider, noteText, putNote, waitFor, whenSynced } from '../support/syncClients'
import {
  call,
  createWorkshop,
  HandMadeClient,
  joinGroup,
  tokenOf,
} from '../support/workshopClients'

const available = clusterSuiteAvailable('acrossNodes')

let nodes: ClusterNode[] = []
let databaseUrl = ''
const cleanups: (() => void)[] = []

/** The same board's sync info, pointed at one node (as a load balancer would send it). */
function onNode(sync: SyncInfo, node: ClusterNode): SyncInfo {
  return { ...sync, serverUrl: `${node.url.replace('http', 'ws')}/sync` }
}

function socketOn(node: ClusterNode, workshop: CreatedWorkshop, board: number, token: string) {
  const { room } = workshop.boards[board]!.sync
  const client = new HandMadeClient(
    `${node.url.replace('http', 'ws')}/sync/${room}?token=${encodeURIComponent(token)}`,
  )
  cleanups.push(() => client.close())
  return client
}

function providerOn(node: ClusterNode, sync: SyncInfo) {
  const client = connectProvider(onNode(sync, node))
  cleanups.push(() => client.provider.destroy())
  return client
}

describe.skipIf(!available)('roles, rotation, erase, presence and the day across nodes', () => {
  const servers = sharedServers()

  beforeEach(async () => {
    ;({ databaseUrl, nodes } = await servers.cluster('across'))
  }, 120_000)

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup()
    await Promise.all(nodes.map((node) => node.process.stop('SIGKILL')))
    nodes = []
  })

  it('keeps a viewer on a non-owner node from changing the board; its presence still reaches the owner’s clients', async () => {
    const workshop = await createWorkshop(nodes[0]!.url)
    const group = workshop.boards[0]!
    const facilitator = providerOn(nodes[0]!, {
      ...group.sync,
      params: { token: tokenOf(workshop.links.facilitator) },
    })
    await whenSynced(facilitator.provider)
    expect(await leaseHolder(databaseUrl, group.id)).toBe('node-0')

    const viewer = socketOn(nodes[1]!, workshop, 0, tokenOf(workshop.links.viewer))
    await viewer.opened
    await waitFor(() => readRecords(viewer.doc).length > 0)
    writeRecords(viewer.doc, [{ id: 'shape:viewer', typeName: 'shape', text: 'viewer-was-here' }])
    viewer.sendUpdate(Y.encodeStateAsUpdate(viewer.doc))
    viewer.sendPresence({ presence: { userName: 'Vera Viewer' } })

    await waitFor(() =>
      [...facilitator.provider.awareness.getStates().values()].some(
        (state) =>
          (state as { presence?: { userName?: string } }).presence?.userName === 'Vera Viewer',
      ),
    )
    // A facilitator's own edit after the viewer's arrives; the viewer's never does.
    putNote(facilitator.doc, 'shape:after-viewer', 'Efter')
    await waitFor(() => noteText(viewer.doc, 'shape:after-viewer') === 'Efter')
    expect(facilitator.doc.getMap('records').has('shape:viewer')).toBe(false)
    const stored = await loadFromPostgres(databaseUrl, group.id)
    expect(stored.getMap('records').has('shape:viewer')).toBe(false)
    expect(stored.getMap('records').has('shape:after-viewer')).toBe(true)
  })

  it('closes a writer whose update the owner refuses with the owner’s code, on the node it connected to', async () => {
    const workshop = await createWorkshop(nodes[0]!.url)
    const owner = providerOn(nodes[0]!, {
      ...workshop.boards[0]!.sync,
      params: { token: tokenOf(workshop.links.facilitator) },
    })
    await whenSynced(owner.provider)
    const writer = socketOn(nodes[2]!, workshop, 0, tokenOf(workshop.links.facilitator))
    await writer.opened
    await waitFor(() => readRecords(writer.doc).length > 0)
    writeRecords(writer.doc, [{ id: 'shape:broken', typeName: 'shape', text: 'no props' }])
    writer.sendUpdate(Y.encodeStateAsUpdate(writer.doc))
    expect(await writer.closed).toBe(CloseCode.invalidRecord)
    expect(owner.doc.getMap('records').has('shape:broken')).toBe(false)
  })

  it('lets a participant on a non-owner node write on their group’s board only, as the owner decides', async () => {
    const workshop = await createWorkshop(nodes[0]!.url)
    const facilitator = tokenOf(workshop.links.facilitator)
    for (const board of [0, 1]) {
      const owner = providerOn(nodes[0]!, {
        ...workshop.boards[board]!.sync,
        params: { token: facilitator },
      })
      await whenSynced(owner.provider)
    }
    const anna = await joinGroup(nodes[1]!.url, workshop, 0, 'Anna från Gävle')
    const participantSocket = (board: number) => {
      const { room } = workshop.boards[board]!.sync
      const query = new URLSearchParams(anna.params).toString()
      const client = new HandMadeClient(
        `${nodes[2]!.url.replace('http', 'ws')}/sync/${room}?${query}`,
      )
      cleanups.push(() => client.close())
      return client
    }
    const note = (id: string) =>
      noteShape(
        { id, x: 10, y: 10, index: 'a9', meta: {} },
        { text: 'Otydliga mål', color: 'yellow' },
      )

    const own = participantSocket(0)
    await own.opened
    await waitFor(() => readRecords(own.doc).length > 0)
    writeRecords(own.doc, [note('shape:anna-own')])
    own.sendUpdate(Y.encodeStateAsUpdate(own.doc))
    await waitFor(async () =>
      (await loadFromPostgres(databaseUrl, workshop.boards[0]!.id))
        .getMap('records')
        .has('shape:anna-own'),
    )

    const other = participantSocket(1)
    await other.opened
    await waitFor(() => readRecords(other.doc).length > 0)
    writeRecords(other.doc, [note('shape:anna-other')])
    other.sendUpdate(Y.encodeStateAsUpdate(other.doc))
    expect(await other.closed).toBe(CloseCode.writeForbidden)
    const stored = await loadFromPostgres(databaseUrl, workshop.boards[1]!.id)
    expect(stored.getMap('records').has('shape:anna-other')).toBe(false)
  })

  it('cuts connections of a rotated link on every node with 4409', async () => {
    const workshop = await createWorkshop(nodes[0]!.url)
    const token = tokenOf(workshop.links.participant)
    const onOne = socketOn(nodes[1]!, workshop, 0, token)
    const onTwo = socketOn(nodes[2]!, workshop, 1, token)
    await Promise.all([onOne.opened, onTwo.opened])
    const rotated = await call(
      nodes[0]!.url,
      'POST',
      `/api/workshops/${workshop.id}/rotate`,
      { token: tokenOf(workshop.links.facilitator) },
      { role: 'participant' },
    )
    expect(rotated.status).toBe(200)
    expect(await onOne.closed).toBe(CloseCode.tokenRevoked)
    expect(await onTwo.closed).toBe(CloseCode.tokenRevoked)
  })

  it('erases a workshop from every node: their sockets close with 4404 and nothing is stored', async () => {
    const workshop = await createWorkshop(nodes[0]!.url)
    const facilitator = tokenOf(workshop.links.facilitator)
    const writer = providerOn(nodes[2]!, {
      ...workshop.boards[1]!.sync,
      params: { token: facilitator },
    })
    await whenSynced(writer.provider)
    putNote(writer.doc, 'shape:erase-me', 'Ska bort')
    const onOne = socketOn(nodes[1]!, workshop, 1, facilitator)
    await onOne.opened
    await waitFor(() => noteText(onOne.doc, 'shape:erase-me') === 'Ska bort')

    const erased = await call(nodes[0]!.url, 'DELETE', `/api/workshops/${workshop.id}`, {
      token: facilitator,
    })
    expect(erased.status).toBe(204)
    expect(await onOne.closed).toBe(CloseCode.boardNotFound)
    await waitFor(() => writer.provider.wsconnected === false)
    const storage = await loadFromPostgres(databaseUrl, workshop.boards[1]!.id)
    expect(readRecords(storage)).toEqual([])
    const info = await call(nodes[2]!.url, 'GET', `/api/workshops/${workshop.id}`, {
      token: facilitator,
    })
    expect(info.status).toBe(404)
  })

  it('removes the presence of a node that died within seconds', async () => {
    const workshop = await createWorkshop(nodes[0]!.url)
    const token = tokenOf(workshop.links.facilitator)
    const watcher = providerOn(nodes[2]!, { ...workshop.boards[0]!.sync, params: { token } })
    await whenSynced(watcher.provider)
    const remote = socketOn(nodes[1]!, workshop, 0, token)
    await remote.opened
    remote.sendPresence({ presence: { userName: 'Anna från Gävle' } })
    const hasAnna = () => watcher.provider.awareness.getStates().has(remote.doc.clientID)
    await waitFor(hasAnna)

    const killedAt = Date.now()
    await nodes[1]!.process.stop('SIGKILL')
    await waitFor(() => !hasAnna(), 15_000)
    // y-protocols alone would keep a silent client for 30 s.
    expect(Date.now() - killedAt).toBeLessThan(15_000)
  })

  it('tells every node’s live channel of a day change made on one node', async () => {
    const workshop = await createWorkshop(nodes[0]!.url)
    const viewer = await openLive(nodes[2]!.url, workshop.id, {
      token: tokenOf(workshop.links.viewer),
    })
    cleanups.push(viewer.close)
    await viewer.state(() => true)
    const started = await call(
      nodes[1]!.url,
      'POST',
      `/api/workshops/${workshop.id}/timer`,
      { token: tokenOf(workshop.links.facilitator) },
      { seconds: 300, label: 'Skriv enskilt', pauseInputAtEnd: false },
    )
    expect(started.status).toBe(200)
    const seen = await viewer.state((state) => state.day.timer !== null)
    expect(seen.day.timer).toMatchObject({ label: 'Skriv enskilt' })
  })
})
