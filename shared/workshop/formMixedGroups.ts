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
