import Database from 'better-sqlite3'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { JoinedWorkshop } from '../../shared/workshopContracts'
import { logCapture, startTestServer, type TestServer } from '../support/testServer'
import { call, createWorkshop, tokenOf } from '../support/workshopClients'

let server: TestServer | undefined
afterEach(async () => {
  await server?.stop().catch(() => undefined)
  server = undefined
})

const ADMIN_TOKEN = 'admin-secret-that-is-long-enough'

describe('logs', () => {
  it('never contain a token, a participant key or the admin token, even on a 500', async () => {
    const capture = logCapture()
    server = await startTestServer(
      { LOG_LEVEL: 'debug', ADMIN_TOKEN },
      undefined,
      capture.destination,
    )
    const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` }
    const workshop = await createWorkshop(server.url, undefined, auth)
    const secrets = Object.values(workshop.links).map(tokenOf)
    const participantToken = tokenOf(workshop.links.participant)
    const joined = (await (
      await call(
        server.url,
        'POST',
        `/api/workshops/${workshop.id}/join`,
        {
          token: participantToken,
        },
        { name: 'Anna' },
      )
    ).json()) as JoinedWorkshop
    secrets.push(joined.participantKey, ADMIN_TOKEN)

    // Wrong credentials, a wrong admin token, and then requests that fail inside the server.
    await call(server.url, 'GET', `/api/workshops/${workshop.id}`, { token: 'x'.repeat(43) })
    await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}x` },
    })
    const db = new Database(path.join(server.dataDir, 'samskapa.db'))
    db.exec('DROP TABLE participants')
    db.close()
    const failed = await call(server.url, 'GET', `/api/workshops/${workshop.id}/me`, {
      token: participantToken,
      participant: joined.participantKey,
    })
    expect(failed.status).toBe(500)

    const log = capture.lines.join('')
    expect(log).toContain('request failed')
    expect(log).toContain(`/api/workshops/${workshop.id}/me`)
    for (const secret of secrets) expect(log).not.toContain(secret)
  })
})
