import type { Outcome } from '../factors'
import {
  mergeSimilarFactors,
  type GroupFactor,
  type MergeSimilarFactorsOptions,
} from '../similarity'
import type { Synthesis, SynthesisEntry, SynthesisKeyArea } from '../workshopContracts'

/** A group board's outcome, as the plenary gathers it. */
export interface GroupOutcome {
  /** The group board's id. */
  id: string
  name: string
  outcome: Outcome
}

export type SynthesisPolarity = 'hindering' | 'enabling'
export const SYNTHESIS_POLARITIES: readonly SynthesisPolarity[] = ['hindering', 'enabling']

/** Clusters match across groups by name, ignoring case and spacing: " Ledarskap" = "ledarskap". */
export function keyAreaKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv')
}

/** Every sorted, decided factor of every group, by key area and polarity. */
export interface GatheredKeyArea {
  key: string
  /** The spelling the first group used. */
  name: string
  factors: Record<SynthesisPolarity, GroupFactor[]>
}

/**
 * Collects the groups' clustered factors per key area, in the order key areas first appear
 * (group by group, clusters in reading order). Unnamed clusters, unsorted and undecided
 * factors are left out: the plenary compares sorted results.
 */
export function gatherKeyAreas(groups: readonly GroupOutcome[]): GatheredKeyArea[] {
  const byKey = new Map<string, GatheredKeyArea>()
  for (const group of groups) {
    for (const cluster of group.outcome.clusters) {
      const key = keyAreaKey(cluster.name)
      if (!key) continue
      let area = byKey.get(key)
      if (!area) {
        area = { key, name: cluster.name.trim(), factors: { hindering: [], enabling: [] } }
        byKey.set(key, area)
      }
      for (const polarity of SYNTHESIS_POLARITIES) {
        for (const factor of cluster[polarity]) {
          if (!factor.text.trim()) continue
          area.factors[polarity].push({ groupId: group.id, factorId: factor.id, text: factor.text })
        }
      }
    }
  }
  return [...byKey.values()]
}

/**
 * The plenary's merged view: per key area and polarity, factors of several groups that say
 * the same thing become one entry naming every group and keeping every wording.
 */
export function synthesize(
  groups: readonly GroupOutcome[],
  options: MergeSimilarFactorsOptions = {},
): Synthesis {
  return {
    groups: groups.map((group) => ({ id: group.id, name: group.name })),
    keyAreas: gatherKeyAreas(groups).map((area): SynthesisKeyArea => ({
      key: area.key,
      name: area.name,
      hindering: mergeSimilarFactors(area.factors.hindering, options),
      enabling: mergeSimilarFactors(area.factors.enabling, options),
    })),
  }
}

/** The wording closest to all others, for an entry whose members were fixed by hand. */
export function centralWording(
  wordings: readonly GroupFactor[],
  options: MergeSimilarFactorsOptions = {},
): SynthesisEntry {
  const [merged] = mergeSimilarFactors(wordings, {
    ...options,
    threshold: Number.NEGATIVE_INFINITY,
    modelThreshold: Number.NEGATIVE_INFINITY,
    mergeWithinGroup: true,
  })
  return merged ?? { text: '', groups: [], wordings: [] }
}
