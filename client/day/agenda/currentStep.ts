import { nextStep } from '../../../shared/day/agenda'
import type { WorkshopDay } from '../../../shared/workshopContracts'

/** The running step and the one after it. */
export function stepsNow(day: WorkshopDay) {
  const current = day.agenda.find((step) => step.id === day.currentStepId)
  const next = nextStep(day.agenda, day.currentStepId)
  return { current, next }
}
