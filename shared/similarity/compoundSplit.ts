/** Parts shorter than this are too ambiguous to split off ("upp", "in" …). */
const MIN_PART_LENGTH = 3
/** A part known on one side only is trusted when it is at least this long. */
const MIN_LONE_PART_LENGTH = 5

/** Everyday heads and modifiers of Swedish compounds in municipal texts. */
export const COMMON_COMPOUND_PARTS: readonly string[] = [
  'utveckling',
  'arbete',
  'system',
  'brist',
  'stöd',
  'plan',
  'skydd',
  'säkerhet',
  'organisation',
  'process',
  'tjänst',
  'verksamhet',
  'fond',
  'ombud',
  'förordning',
  'regl',
  'tänk',
  'kultur',
  'strategi',
  'förvaltning',
  'område',
  'grupp',
  'ansvar',
  'förändring',
  'information',
  'data',
]

/**
 * Splits a Swedish compound stem into known parts, so "kompetensutveckling" also counts as
 * "kompetens" + "utveckling" and "chefsomsättning" as "chef" + "omsättning". Swedish
 * compounds are right-headed and often joined by a linking "s" or "e", which we strip.
 * Returns no parts when no split is convincing.
 */
export function splitCompound(stem: string, isKnown: (part: string) => boolean): string[] {
  let best: { parts: string[]; score: number } | undefined
  for (let cut = MIN_PART_LENGTH; cut <= stem.length - MIN_PART_LENGTH; cut++) {
    const head = stem.slice(cut)
    const modifier = knownModifier(stem.slice(0, cut), isKnown)
    const headKnown = isKnown(head)
    const parts: string[] = []
    let score = 0
    if (modifier && headKnown) {
      parts.push(modifier, head)
      score = 2 + Math.min(modifier.length, head.length) / stem.length
    } else if (headKnown && head.length >= MIN_LONE_PART_LENGTH) {
      parts.push(head)
      score = head.length / stem.length
    } else if (modifier && modifier.length >= MIN_LONE_PART_LENGTH) {
      parts.push(modifier)
      score = modifier.length / stem.length
    }
    if (parts.length > 0 && (!best || score > best.score)) best = { parts, score }
  }
  if (!best) return []
  const parts = best.parts.flatMap((part) => [part, ...splitCompound(part, isKnown)])
  return [...new Set(parts)]
}

function knownModifier(modifier: string, isKnown: (part: string) => boolean): string | undefined {
  const candidates = [modifier]
  if (/[se]$/.test(modifier)) candidates.push(modifier.slice(0, -1))
  return candidates.find((candidate) => candidate.length >= MIN_PART_LENGTH && isKnown(candidate))
}
