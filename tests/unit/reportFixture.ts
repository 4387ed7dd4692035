import type { Factor } from '../../shared/factors'
import type { Report } from '../../shared/report/Report'

const factor = (
  id: string,
  text: string,
  polarity: Factor['polarity'],
  author?: string,
): Factor => ({
  id,
  text,
  polarity,
  createdAt: 0,
  ...(author ? { author } : {}),
})

/** A small workshop with every part a report shows, and texts that try to break each format. */
export function reportFixture(language: 'sv' | 'en' = 'sv'): Report {
  return {
    title: 'Träff 2 – Digital förändring',
    date: '2025-03-14',
    track: 'Skola och lärande',
    language,
    generatedAt: Date.UTC(2025, 2, 14, 15),
    agenda: [
      {
        name: 'Samskapa',
        startedAt: Date.UTC(2025, 2, 14, 8, 30),
        endedAt: Date.UTC(2025, 2, 14, 9, 15),
      },
    ],
    synthesis: {
      groups: [
        { id: 'g1', name: 'Grupp 1' },
        { id: 'g2', name: 'Grupp 2' },
      ],
      keyAreas: [
        {
          key: 'ledarskap',
          name: 'Ledarskap',
          hindering: [
            {
              text: 'Otydliga mål',
              groups: ['g1', 'g2'],
              wordings: [
                { groupId: 'g1', factorId: 'f1', text: 'Otydliga mål' },
                { groupId: 'g2', factorId: 'f3', text: 'Målen är oklara' },
              ],
            },
          ],
          enabling: [],
        },
      ],
    },
    groups: [
      {
        id: 'g1',
        name: 'Grupp 1',
        clusters: [
          {
            id: 'shape:c1',
            name: 'Ledarskap',
            hindering: [factor('f1', 'Otydliga mål', 'hindering', 'Anna Andersson')],
            enabling: [factor('f2', '=HYPERLINK("http://evil.example","klicka")', 'enabling')],
            undecided: [],
          },
        ],
        unsorted: [factor('f5', '+46 70 123 45 67 ringer', 'undecided')],
        votes: { f1: 3 },
      },
      {
        id: 'g2',
        name: 'Grupp 2',
        clusters: [
          {
            id: 'shape:c2',
            name: 'Ledarskap',
            hindering: [
              factor('f3', 'Målen är oklara', 'hindering'),
              factor('f4', '@SUM(A1:A9)', 'hindering'),
            ],
            enabling: [],
            undecided: [],
          },
        ],
        unsorted: [],
        votes: {},
      },
    ],
    captures: [
      { label: 'Grupp 1 · 10:15', altText: 'Skiss av gruppens kluster', src: '/api/assets/x' },
    ],
  }
}
