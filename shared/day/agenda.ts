import type { AgendaStep, StepMode } from '../workshopContracts'

type Language = 'sv' | 'en'

const LEDA_STEPS: {
  key: string
  minutes: number
  mode: StepMode
  title: Record<Language, string>
}[] = [
  { key: 'intro', minutes: 15, mode: 'none', title: { sv: 'Inledning', en: 'Introduction' } },
  {
    key: 'write',
    minutes: 10,
    mode: 'silentWriting',
    title: { sv: 'Skriv enskilt', en: 'Write alone' },
  },
  { key: 'sort', minutes: 30, mode: 'none', title: { sv: 'Sortera', en: 'Sort' } },
  {
    key: 'choose',
    minutes: 10,
    mode: 'voting',
    title: { sv: 'Välj det viktigaste', en: 'Choose what matters most' },
  },
  { key: 'plenary', minutes: 30, mode: 'locked', title: { sv: 'Plenum', en: 'Plenary' } },
  { key: 'reflect', minutes: 15, mode: 'none', title: { sv: 'Reflektion', en: 'Reflection' } },
]

/** The LEDA method's day: introduction, writing alone, sorting, choosing, plenary, reflection. */
export function defaultAgenda(language: Language): AgendaStep[] {
  return LEDA_STEPS.map((step) => ({
    id: step.key,
    title: step.title[language],
    minutes: step.minutes,
    mode: step.mode,
  }))
}

/** The step after `currentStepId` (the first when none is current), or undefined at the end. */
export function nextStep(agenda: AgendaStep[], currentStepId: string | null) {
  if (currentStepId === null) return agenda[0]
  const index = agenda.findIndex((step) => step.id === currentStepId)
  return index < 0 ? agenda[0] : agenda[index + 1]
}

export const MAX_AGENDA_STEPS = 30
export const MAX_STEP_MINUTES = 480
