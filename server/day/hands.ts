import type { DayRecord } from './DayRecord'

/**
 * The queue of raised hands, oldest first. A hand raised again keeps its place; lowered, it
 * leaves the queue, and raising it later puts it at the end.
 */
export function setHand(day: DayRecord, participantId: string, raised: boolean, now: number) {
  const index = day.hands.findIndex((hand) => hand.participantId === participantId)
  if (raised && index < 0) day.hands.push({ participantId, at: now })
  if (!raised && index >= 0) day.hands.splice(index, 1)
}

/** The hands of people still in the workshop (someone removed leaves no trace in the queue). */
export function handsOfPresent<T extends { participantId: string }>(
  hands: T[],
  present: ReadonlySet<string>,
): T[] {
  return hands.filter((hand) => present.has(hand.participantId))
}
