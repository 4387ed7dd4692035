import meanings from './thesaurus/thesaurus-sv.json'

/** Swedish synonyms by stem: a general resource, not written for any test notes. */
export interface Thesaurus {
  /**
   * Stems of the words listed as synonyms of any word with this stem (either direction), and
   * their synonyms in turn: Kann's entries are short, and two steps find "utbildning" →
   * "skolning" → … where one step finds little. Chosen on dev data only.
   */
  synonymsOf(stem: string): readonly string[]
  /** Every stem the thesaurus knows; general Swedish vocabulary for splitting compounds. */
  readonly vocabulary: ReadonlySet<string>
}

const NONE: readonly string[] = []
let swedish: Thesaurus | undefined

/**
 * Viggo Kann's thesaurus (see thesaurus/NOTICE.md), stored as Snowball stems so inflected
 * note words ("utbildningar") find their entry ("utbildning"), indexed on first use. Links go
 * both ways: the thesaurus lists "chef" under "ledare" but not always the reverse.
 */
export function swedishThesaurus(): Thesaurus {
  swedish ??= indexThesaurus(meanings)
  return swedish
}

/** Indexes lines of stems "headword|synonym|…"; exported for tests with a tiny thesaurus. */
export function indexThesaurus(lines: readonly string[]): Thesaurus {
  const links = new Map<string, Set<string>>()
  const link = (a: string, b: string) => {
    if (a === b) return
    let set = links.get(a)
    if (!set) links.set(a, (set = new Set()))
    set.add(b)
  }
  for (const line of lines) {
    const [head, ...synonyms] = line.split('|').filter(Boolean)
    if (head === undefined) continue
    for (const synonym of synonyms) {
      link(head, synonym)
      link(synonym, head)
    }
  }
  const twoSteps = new Map<string, readonly string[]>()
  const synonymsOf = (stem: string) => {
    let found = twoSteps.get(stem)
    if (!found) {
      const near = links.get(stem) ?? new Set<string>()
      const far = [...near].flatMap((synonym) => [...(links.get(synonym) ?? [])])
      found = [...new Set([...near, ...far])].filter((synonym) => synonym !== stem).sort()
      twoSteps.set(stem, found.length > 0 ? found : NONE)
    }
    return found
  }
  return { synonymsOf, vocabulary: new Set(links.keys()) }
}
