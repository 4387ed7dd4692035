export interface Person {
  id: string
  municipality?: string
}

/** Same municipality however it is typed: "Malmö", " malmö" and "MALMÖ" are one. */
function municipalityKey(person: Person): string | undefined {
  const key = person.municipality?.trim().toLocaleLowerCase('sv')
  return key ? key : undefined
}

/**
 * People in the order they are dealt: each municipality's members together, the largest
 * municipalities first (ties by first appearance), then people without a municipality.
 */
function dealingOrder(people: readonly Person[]): Person[] {
  const byMunicipality = new Map<string, Person[]>()
  const free: Person[] = []
  for (const person of people) {
    const key = municipalityKey(person)
    if (!key) {
      free.push(person)
      continue
    }
    const members = byMunicipality.get(key) ?? []
    members.push(person)
    byMunicipality.set(key, members)
  }
  const blocks = [...byMunicipality.values()].sort((a, b) => b.length - a.length)
  return [...blocks.flat(), ...free]
}

/**
 * Splits people into `groupCount` mixed groups and returns their ids per group.
 *
 * Dealing like cards, round the table, does both jobs at once: group sizes differ by at most
 * one, and since a municipality's k members are dealt one after another they land in k
 * consecutive groups, so each group gets ⌊k/N⌋ or ⌈k/N⌉ of them and no two share a group
 * while k ≤ N. People without a municipality are dealt last and fill the gaps. Within a
 * group, ids keep the input order. The same input always gives the same groups.
 */
export function formMixedGroups(people: readonly Person[], groupCount: number): string[][] {
  if (!Number.isInteger(groupCount) || groupCount < 1) {
    throw new RangeError(`groupCount must be a whole number of at least 1, got ${groupCount}`)
  }
  const position = new Map(people.map((person, i) => [person, i]))
  const groups: Person[][] = Array.from({ length: groupCount }, () => [])
  dealingOrder(people).forEach((person, i) => groups[i % groupCount]!.push(person))
  return groups.map((group) =>
    group.sort((a, b) => position.get(a)! - position.get(b)!).map((person) => person.id),
  )
}

/**
 * Seats people who have no group yet into `current` groups (ids per group, kept as they are)
 * and returns the groups with them added. Everyone already seated stays where they are, so a
 * late joiner never moves anyone mid-work. Newcomers are seated largest municipality first,
 * each into the group with the fewest people from their municipality, then the smallest
 * group, then the first: municipalities stay spread and sizes even out.
 */
export function seatNewcomers(
  current: readonly (readonly string[])[],
  people: readonly Person[],
): string[][] {
  if (current.length === 0) throw new RangeError('there must be at least one group')
  const byId = new Map(people.map((person) => [person.id, person]))
  const groups = current.map((group) => group.filter((id) => byId.has(id)))
  const seated = new Set(groups.flat())
  const municipalityCount = (group: readonly string[], key: string | undefined) =>
    key === undefined ? 0 : group.filter((id) => municipalityKey(byId.get(id)!) === key).length
  for (const person of dealingOrder(people.filter((p) => !seated.has(p.id)))) {
    const key = municipalityKey(person)
    let best = 0
    for (let i = 1; i < groups.length; i++) {
      const here = [municipalityCount(groups[i]!, key), groups[i]!.length]
      const there = [municipalityCount(groups[best]!, key), groups[best]!.length]
      if (here[0]! < there[0]! || (here[0] === there[0] && here[1]! < there[1]!)) best = i
    }
    groups[best]!.push(person.id)
  }
  return groups
}
