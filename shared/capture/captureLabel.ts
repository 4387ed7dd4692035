import type { WorkshopDay } from '../workshopContracts'

/** What a capture shows and when: the words of its frame's name. */
export interface CaptureWhat {
  board: string
  /** The one cluster captured, when not the whole board. */
  cluster?: string
  /** The agenda step running at the time, when the workshop has an agenda. */
  step?: string
  /** The clock time, already formatted for the UI's language. */
  time: string
}

/** A capture frame's name, e.g. "Grupp 2 · Ledarskap · Sortera · 10:42". */
export function captureLabel(what: CaptureWhat): string {
  return [what.board, what.cluster, what.step, what.time]
    .map((part) => part?.trim())
    .filter((part): part is string => Boolean(part))
    .join(' · ')
}

/** The title of the step the day is on, if the workshop has an agenda and a step runs. */
export function currentStepTitle(
  day: Pick<WorkshopDay, 'agenda' | 'currentStepId'> | undefined,
): string | undefined {
  if (!day?.currentStepId) return undefined
  return day.agenda.find((step) => step.id === day.currentStepId)?.title
}
