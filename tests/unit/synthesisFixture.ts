import type { Factor } from '../../shared/factors'
import type { GroupOutcome } from '../../shared/workshop/synthesis'
import { factorFixture, type FixtureNote } from './factorFixture'

/** The fixture's groups as board outcomes: one cluster per key area, named as the template does. */
export function fixtureOutcomes(
  notes: readonly FixtureNote[] = factorFixture.notes,
): GroupOutcome[] {
  return factorFixture.groups.map((group) => {
    const mine = notes.filter((note) => note.group === group.id)
    const clusters = factorFixture.keyAreas
      .map((area) => {
        const inArea = mine.filter((note) => note.keyArea === area.id)
        const factors = (polarity: 'hindering' | 'enabling'): Factor[] =>
          inArea
            .filter((note) => note.polarity === polarity)
            .map((note) => ({
              id: note.id,
              text: note.text,
              polarity,
              createdAt: 0,
              clusterId: area.id,
            }))
        return {
          id: area.id,
          name: group.id === 'g2' ? area.sv.toUpperCase() : area.sv,
          hindering: factors('hindering'),
          enabling: factors('enabling'),
          undecided: [],
        }
      })
      .filter((cluster) => cluster.hindering.length + cluster.enabling.length > 0)
    return { id: group.id, name: group.name, outcome: { clusters, unsorted: [] } }
  })
}
