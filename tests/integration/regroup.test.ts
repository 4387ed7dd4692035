import { afterEach, describe, expect, it } from 'vitest'
import type { GroupAssignments, JoinedWorkshop } from '../../shared/workshopContracts'
import { startTestServer, type TestServer } from '../support/testServer'
import { call, createWorkshop, tokenOf } from '../support/workshopClients'

let server: TestServer | undefined

afterEach(async () => {
  await server?.stop()
  server = undefined
})

describe('regrouping a running workshop', () => {
  it('keeps everyone in their group and seats only the late joiners, spread by municipality', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url, { title: 'W', groups: 2 })
    const participant = { token: tokenOf(workshop.links.participant) }
    const facilitator = { token: tokenOf(workshop.links.facilitator) }
    const base = `/api/workshops/${workshop.id}`
    const join = async (name: string, municipality: string) => {
      const response = await call(server!.url, 'POST', `${base}/join`, participant, {
        name,
        municipality,
      })
      return ((await response.json()) as JoinedWorkshop).participantId
    }
    const propose = async (body: object = {}) =>
      (
        (await (
          await call(server!.url, 'POST', `${base}/groups/propose`, facilitator, body)
        ).json()) as GroupAssignments
      ).assignments

    const early = [
      await join('Anna', 'Malmö'),
      await join('Bertil', 'Lund'),
      await join('Cecilia', 'Vara'),
      await join('David', 'Umeå'),
    ]
    const [group1, group2] = workshop.boards.filter((b) => b.kind === 'group').map((b) => b.id)
    // The facilitator seats them by hand, against what a fresh deal would propose.
    const byHand = {
      [early[0]!]: group1!,
      [early[1]!]: group1!,
      [early[2]!]: group2!,
      [early[3]!]: group2!,
    }
    await call(server.url, 'POST', `${base}/groups/confirm`, facilitator, { assignments: byHand })

    const lateMalmo = await join('Erik', 'Malmö')
    const lateVara = await join('Frida', 'Vara')
    const proposed = await propose()
    for (const id of early) expect(proposed[id]).toBe(byHand[id])
    // Each late joiner goes where nobody shares their municipality.
    expect(proposed[lateMalmo]).toBe(group2)
    expect(proposed[lateVara]).toBe(group1)

    const reshuffled = await propose({ reshuffle: true })
    expect(Object.keys(reshuffled).sort()).toEqual([...early, lateMalmo, lateVara].sort())
    expect(Object.values(reshuffled).every((id) => id === group1 || id === group2)).toBe(true)

    expect(
      (await call(server.url, 'POST', `${base}/groups/propose`, facilitator, { reshuffle: 'x' }))
        .status,
    ).toBe(400)
  })

  it('moves one person and leaves everyone else seated', async () => {
    server = await startTestServer()
    const workshop = await createWorkshop(server.url, { title: 'W', groups: 2 })
    const participant = { token: tokenOf(workshop.links.participant) }
    const facilitator = { token: tokenOf(workshop.links.facilitator) }
    const base = `/api/workshops/${workshop.id}`
    const ids: string[] = []
    for (const [name, municipality] of [
      ['A', 'Malmö'],
      ['B', 'Lund'],
      ['C', 'Vara'],
    ]) {
      const response = await call(server.url, 'POST', `${base}/join`, participant, {
        name,
        municipality,
      })
      ids.push(((await response.json()) as JoinedWorkshop).participantId)
    }
    const first = (await (
      await call(server.url, 'POST', `${base}/groups/propose`, facilitator, {})
    ).json()) as GroupAssignments
    await call(server.url, 'POST', `${base}/groups/confirm`, facilitator, first)
    const [group1, group2] = workshop.boards.filter((b) => b.kind === 'group').map((b) => b.id)
    const moved = first.assignments[ids[0]!] === group1 ? group2! : group1!
    await call(server.url, 'POST', `${base}/groups/confirm`, facilitator, {
      assignments: { [ids[0]!]: moved },
    })
    const again = (await (
      await call(server.url, 'POST', `${base}/groups/propose`, facilitator, {})
    ).json()) as GroupAssignments
    expect(again.assignments).toEqual({ ...first.assignments, [ids[0]!]: moved })
  })
})
