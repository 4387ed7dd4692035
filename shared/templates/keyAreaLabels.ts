import type { ColumnLabel } from './columnsTemplate'

/** The default key areas, in reading order on the board. Ids match the test fixtures. */
export const keyAreaLabels: readonly ColumnLabel[] = [
  { id: 'ledarskap', sv: 'Ledarskap', en: 'Leadership' },
  { id: 'styrning', sv: 'Styrning och strategi', en: 'Governance and strategy' },
  { id: 'kultur', sv: 'Kultur och förhållningssätt', en: 'Culture and mindset' },
  { id: 'kompetens', sv: 'Kompetens och lärande', en: 'Skills and learning' },
  { id: 'delaktighet', sv: 'Delaktighet och medarbetarskap', en: 'Participation' },
  { id: 'samverkan', sv: 'Samverkan', en: 'Collaboration' },
  { id: 'invanare', sv: 'Invånarnas behov', en: "Citizens' needs" },
  { id: 'teknik', sv: 'Teknik och infrastruktur', en: 'Technology and infrastructure' },
  { id: 'juridik', sv: 'Juridik och informationssäkerhet', en: 'Law and information security' },
  { id: 'resurser', sv: 'Resurser och finansiering', en: 'Resources and funding' },
  { id: 'kommunikation', sv: 'Kommunikation och förankring', en: 'Communication and buy-in' },
]

export const keyAreaSideLabels = {
  sv: { hindering: '⊖ Hämmande', enabling: '⊕ Främjande', unsorted: 'Osorterat' },
  en: { hindering: '⊖ Hindering', enabling: '⊕ Enabling', unsorted: 'Unsorted' },
}
