import { registerStrings } from '../common/registerStrings'

registerStrings({
  sv: {
    export: {
      as: 'Exportera som {{format}}',
      formats: { png: 'PNG', svg: 'SVG', pdf: 'PDF' },
      working: 'Exporterar …',
      done: '{{name}} laddades ner.',
      empty: 'Tavlan är tom; det finns inget att exportera.',
      failed: 'Exporten gick inte: {{message}}',
      workshopPdf: 'Alla tavlor som PDF',
      workshopProgress: 'Ritar tavla {{done}} av {{total}} …',
    },
  },
  en: {
    export: {
      as: 'Export as {{format}}',
      formats: { png: 'PNG', svg: 'SVG', pdf: 'PDF' },
      working: 'Exporting …',
      done: '{{name}} was downloaded.',
      empty: 'The board is empty; there is nothing to export.',
      failed: 'The export failed: {{message}}',
      workshopPdf: 'All boards as PDF',
      workshopProgress: 'Drawing board {{done}} of {{total}} …',
    },
  },
})
