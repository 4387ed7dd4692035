/** Whether a factor holds digital change back, helps it along, or is not yet decided. */
export type Polarity = 'hindering' | 'enabling' | 'undecided'

export const POLARITIES: readonly Polarity[] = ['hindering', 'enabling', 'undecided']

/** A factor as the domain sees it, read from a tldraw note record. */
export interface Factor {
  id: string
  /** Plain text: the note's paragraphs joined by newlines. */
  text: string
  polarity: Polarity
  author?: string
  /** Milliseconds since the epoch; 0 when the note does not say. */
  createdAt: number
  /** The cluster frame holding the note; absent while the note is unsorted. */
  clusterId?: string
}

export function isPolarity(value: unknown): value is Polarity {
  return value === 'hindering' || value === 'enabling' || value === 'undecided'
}
