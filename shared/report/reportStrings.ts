import type { Polarity } from '../factors'
import type { ReportLanguage } from './Report'

/** The words a report is written in; the report follows the UI's language. */
export interface ReportStrings {
  date: string
  track: string
  agenda: string
  noAgenda: string
  synthesis: string
  noSynthesis: string
  named: (count: number, total: number) => string
  wordings: string
  groups: string
  unsorted: string
  polarity: Record<Polarity, string>
  votes: (count: number) => string
  author: string
  captures: string
  noCaptures: string
  csvHeader: readonly string[]
  generated: string
}

const sv: ReportStrings = {
  date: 'Datum',
  track: 'Spår',
  agenda: 'Dagordning',
  noAgenda: 'Ingen dagordning.',
  synthesis: 'Sammanställning per nyckelområde',
  noSynthesis: 'Inga klustrade faktorer ännu.',
  named: (count, total) => `nämnd av ${count} av ${total} grupper`,
  wordings: 'Gruppernas formuleringar',
  groups: 'Grupperna',
  unsorted: 'Osorterade',
  polarity: { hindering: 'Hämmande', enabling: 'Främjande', undecided: 'Ej bestämd' },
  votes: (count) => `${count} ${count === 1 ? 'röst' : 'röster'}`,
  author: 'skrivet av',
  captures: 'Dokumentation',
  noCaptures: 'Inga bilder.',
  csvHeader: ['workshop', 'grupp', 'kluster', 'polaritet', 'text', 'författare', 'röster'],
  generated: 'Skapad',
}

const en: ReportStrings = {
  date: 'Date',
  track: 'Track',
  agenda: 'Agenda',
  noAgenda: 'No agenda.',
  synthesis: 'Synthesis by key area',
  noSynthesis: 'No clustered factors yet.',
  named: (count, total) => `named by ${count} of ${total} groups`,
  wordings: 'The groups’ wordings',
  groups: 'The groups',
  unsorted: 'Unsorted',
  polarity: { hindering: 'Hindering', enabling: 'Enabling', undecided: 'Undecided' },
  votes: (count) => `${count} ${count === 1 ? 'vote' : 'votes'}`,
  author: 'written by',
  captures: 'Graphic recording',
  noCaptures: 'No images.',
  csvHeader: ['workshop', 'group', 'cluster', 'polarity', 'text', 'author', 'votes'],
  generated: 'Generated',
}

export function reportStrings(language: ReportLanguage): ReportStrings {
  return language === 'sv' ? sv : en
}

/**
 * A time of day, e.g. 09:30, in Swedish time: the workshops happen in Sweden, and the report
 * must read the same whichever time zone the server runs in.
 */
export function clockTime(at: number | null, language: ReportLanguage): string {
  if (at === null) return '–'
  return new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Stockholm',
  }).format(at)
}
