import fs from 'node:fs'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { WorkshopOverview } from '../../shared/workshopContracts'
import {
  postgresAvailable,
  reportPostgresSkip,
  startPostgres,
  type PostgresServer,
} from '../support/postgresServer'
import { connectProvider, noteText, putNote, waitFor, whenSynced } from '../support/syncClients'
import { startTestServer, type TestServer } from '../support/testServer'
import { call, createWorkshop, joinGroup, tokenOf } from '../support/workshopClients'

let postgres: PostgresServer | undefined
let server: TestServer | undefined
const cleanups: (() => void)[] = []

reportPostgresSkip('onPostgres')

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  await server?.stop()
  server = undefined
})

/** Connects to the board on the server running now (a restarted one has another port). */
function connect(sync: Parameters<typeof connectProvider>[0]) {
  const client = connectProvider({
    ...sync,
    serverUrl: `${server!.url.replace('http', 'ws')}/sync`,
  })
  cleanups.push(() => client.provider.destroy())
  return client
}

/** The whole product with DATABASE_URL: the same REST and sync paths, PostgreSQL underneath. */
describe.skipIf(!postgresAvailable())('the server on PostgreSQL', () => {
  beforeAll(async () => {
    postgres = await startPostgres()
  }, 120_000)

  afterAll(async () => {
    await postgres?.stop()
  })

  it('serves a workshop, and everything written comes back after a restart with a new DATA_DIR', async () => {
    const databaseUrl = await postgres!.createDatabase(`samskapa_restart_${Date.now()}`)
    server = await startTestServer({ DATABASE_URL: databaseUrl })
    const workshop = await createWorkshop(server.url)
    const group = workshop.boards[0]!
    const anna = connect(group.sync)
    const bo = connect(group.sync)
    await Promise.all([whenSynced(anna.provider), whenSynced(bo.provider)])
    putNote(anna.doc, 'shape:pg-note', 'Otydliga mål')
    await waitFor(() => noteText(bo.doc, 'shape:pg-note') === 'Otydliga mål')
    await joinGroup(server.url, workshop, 0, 'Anna från Gävle')
    const firstDataDir = server.dataDir

    for (const cleanup of cleanups.splice(0)) cleanup()
    await server.stop()
    server = await startTestServer({ DATABASE_URL: databaseUrl })
    expect(server.dataDir).not.toBe(firstDataDir)

    const later = connect(group.sync)
    await whenSynced(later.provider)
    expect(noteText(later.doc, 'shape:pg-note')).toBe('Otydliga mål')
    const facilitator = { token: tokenOf(workshop.links.facilitator) }
    const response = await call(
      server.url,
      'GET',
      `/api/workshops/${workshop.id}/overview`,
      facilitator,
    )
    expect(response.status).toBe(200)
    const overview = (await response.json()) as WorkshopOverview
    expect(overview.participants.map((person) => person.name)).toEqual(['Anna från Gävle'])
    // Nothing went into an SQLite file on the side.
    for (const dir of [firstDataDir, server.dataDir]) {
      expect(fs.existsSync(path.join(dir, 'samskapa.db'))).toBe(false)
    }
  })

  it('goes on storing and relaying after PostgreSQL restarts', async () => {
    const databaseUrl = await postgres!.createDatabase(`samskapa_pg_restart_${Date.now()}`)
    server = await startTestServer({ DATABASE_URL: databaseUrl })
    const workshop = await createWorkshop(server.url)
    const group = workshop.boards[0]!
    const writer = connect(group.sync)
    const reader = connect(group.sync)
    await Promise.all([whenSynced(writer.provider), whenSynced(reader.provider)])

    await postgres!.restart()
    // The first write after the restart may meet a dropped connection: the room is closed
    // with 1011 and the clients reconnect and send their edits again, so nothing is lost.
    putNote(writer.doc, 'shape:after-restart', 'Ledarskap saknas')
    await waitFor(() => noteText(reader.doc, 'shape:after-restart') === 'Ledarskap saknas', 20_000)

    for (const cleanup of cleanups.splice(0)) cleanup()
    await server.stop()
    server = await startTestServer({ DATABASE_URL: databaseUrl })
    const fresh = connect(group.sync)
    await whenSynced(fresh.provider)
    expect(noteText(fresh.doc, 'shape:after-restart')).toBe('Ledarskap saknas')
  })
})
