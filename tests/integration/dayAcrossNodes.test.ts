import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { Day } from '../../server/day/Day'
import { DayEvents } from '../../server/day/DayEvents'
import type { VoteRecord } from '../../server/day/DayRecord'
import { castBallot } from '../../server/day/votes'
import { PostgresStorage } from '../../server/storage/postgres/PostgresStorage'
import {
  postgresAvailable,
  reportPostgresSkip,
  startPostgres,
  type PostgresServer,
} from '../support/postgresServer'
import { freshId, newBoard, participantRecord, workshopRecord } from '../support/storageRecords'

reportPostgresSkip('dayAcrossNodes')

/** Two server nodes on one PostgreSQL database, each with its own day and its own cache. */
describe.skipIf(!postgresAvailable())('A day served by two nodes', () => {
  let server: PostgresServer
  let nodes: PostgresStorage[] = []
  let databases = 0
  beforeAll(async () => {
    server = await startPostgres()
  })
  afterAll(async () => {
    await server?.stop()
  })
  afterEach(async () => {
    await Promise.all(nodes.splice(0).map((node) => node.close()))
  })

  const openNodes = async () => {
    const url = await server.createDatabase(`day_nodes_${++databases}`)
    nodes = await Promise.all([1, 2].map(() => PostgresStorage.open(url)))
    return nodes as [PostgresStorage, PostgresStorage]
  }

  it('keeps every change when both nodes change the day at once', async () => {
    const storages = await openNodes()
    const workshop = workshopRecord()
    await storages[0].createWorkshop(workshop, [newBoard('plenary')], [])
    const days = storages.map((storage) => new Day(storage, new DayEvents()))
    await days[0]!.create(workshop.id, 'en')
    // Both caches hold the first day; every change after it makes one of them stale.
    for (const day of days) await day.get(workshop.id)

    const participants = Array.from({ length: 10 }, () => freshId('participant'))
    await Promise.all(
      participants.map((participantId, index) =>
        days[index % 2]!.change(workshop.id, (day) => {
          day.hands.push({ participantId, at: index })
        }),
      ),
    )
    const stored = await new Day(storages[1], new DayEvents()).get(workshop.id)
    expect(stored.hands.map((hand) => hand.participantId).sort()).toEqual(participants.sort())
  })

  it('never lets one participant overspend a vote through two nodes', async () => {
    const storages = await openNodes()
    const workshop = workshopRecord()
    const group = newBoard('group')
    await storages[0].createWorkshop(workshop, [group], [])
    const participant = participantRecord(workshop.id)
    await storages[0].addParticipant(participant)
    const vote: VoteRecord = {
      id: freshId('vote'),
      boardIds: [group.board.id],
      target: 'notes',
      votesPerPerson: 3,
      maxPerItem: null,
      budgets: null,
      hidden: false,
      openedAt: 1,
      closedAt: null,
      results: null,
    }
    const items = Array.from({ length: 8 }, () => {
      const itemId = freshId('shape')
      return { itemId, boardId: group.board.id, record: { id: itemId, typeName: 'shape' } }
    })
    const checks = await Promise.all(
      items.map((item, index) =>
        castBallot({ storage: storages[index % 2]! }, workshop.id, vote, participant.id, item, 1),
      ),
    )
    expect(checks.filter((check) => check.ok)).toHaveLength(3)
    const given = await storages[1].ballotsOf(vote.id, participant.id)
    expect(given.reduce((sum, ballot) => sum + ballot.votes, 0)).toBe(3)
  })
})
