import { registerStrings } from '../common/registerStrings'

registerStrings({
  sv: {
    versions: {
      open: 'Versioner',
      heading: 'Tavlans versioner',
      intro:
        'Spara hur tavlan ser ut nu med ett namn. Servern sparar också en version före varje samling i plenum och före varje återställning.',
      name: 'Versionens namn',
      save: 'Spara version',
      saved: 'Versionen ”{{name}}” är sparad.',
      listHeading: 'Sparade versioner',
      none: 'Inga versioner ännu.',
      auto: 'automatisk',
      named: 'namngiven',
      preview: 'Förhandsgranska',
      previewHeading: 'Förhandsgranskning: {{name}}',
      previewIntro:
        'Så här såg tavlan ut. Inget ändras förrän du väljer Återställ eller Återställ som kopia.',
      previewEmpty: 'Versionen har inga faktorer.',
      unsorted: 'Ej sorterade',
      noteCount_one: '{{count}} lapp',
      noteCount_other: '{{count}} lappar',
      restore: 'Återställ',
      restoreConfirm: 'Återställ tavlan till ”{{name}}”?',
      restoreExplain:
        'Alla som är på tavlan ser ändringen direkt. Tavlan som den ser ut nu sparas först som en automatisk version, så inget går förlorat.',
      restored: 'Tavlan är återställd till ”{{name}}”. Läget före sparades som en version.',
      copy: 'Återställ som kopia',
      copied: 'En ny tavla med ”{{name}}” öppnades i en ny flik.',
      copyLink: 'Öppna kopian',
      close: 'Stäng',
      back: 'Tillbaka till listan',
      loading: 'Hämtar …',
      failed: 'Det gick inte: {{message}}',
    },
  },
  en: {
    versions: {
      open: 'Versions',
      heading: 'Versions of the board',
      intro:
        'Save how the board looks now under a name. The server also saves a version before every gathering in plenary and before every restore.',
      name: 'Version name',
      save: 'Save version',
      saved: 'The version “{{name}}” was saved.',
      listHeading: 'Saved versions',
      none: 'No versions yet.',
      auto: 'automatic',
      named: 'named',
      preview: 'Preview',
      previewHeading: 'Preview: {{name}}',
      previewIntro:
        'This is how the board looked. Nothing changes until you choose Restore or Restore as copy.',
      previewEmpty: 'This version has no factors.',
      unsorted: 'Not sorted',
      noteCount_one: '{{count}} note',
      noteCount_other: '{{count}} notes',
      restore: 'Restore',
      restoreConfirm: 'Restore the board to “{{name}}”?',
      restoreExplain:
        'Everyone on the board sees the change at once. The board as it is now is saved first as an automatic version, so nothing is lost.',
      restored: 'The board was restored to “{{name}}”. The state before was saved as a version.',
      copy: 'Restore as copy',
      copied: 'A new board with “{{name}}” opened in a new tab.',
      copyLink: 'Open the copy',
      close: 'Close',
      back: 'Back to the list',
      loading: 'Loading …',
      failed: 'That did not work: {{message}}',
    },
  },
})
