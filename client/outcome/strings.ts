import { registerStrings } from '../common/registerStrings'

registerStrings({
  sv: {
    outcome: {
      reportHeading: 'Rapport',
      reportIntro:
        'Dagens resultat: dagordning, syntes per nyckelområde, gruppernas kluster och faktorer, Dokumentationens bilder.',
      download: 'Ladda ner rapporten som {{format}}',
      formats: { md: 'Markdown', docx: 'Word (DOCX)', csv: 'CSV (kalkylblad)', json: 'JSON' },
      publishHeading: 'Öppen sida',
      publishIntro:
        'Publicera gör en fryst, öppen kopia av resultatet på en fast adress som inte kräver någon länk med nyckel. Den kan aldrig ändra något på tavlorna.',
      includeNames: 'Visa namn på de som skrev lapparna',
      includeNamesHint: 'Utan bock lämnas alla namn bort.',
      note: 'Vad har ändrats sedan förra versionen?',
      publish: 'Publicera',
      publishAgain: 'Publicera igen',
      unpublish: 'Avpublicera',
      unpublishConfirm: 'Avpublicera den öppna sidan?',
      unpublishExplain: 'Adressen svarar då att sidan är borttagen. Du kan publicera igen senare.',
      published: 'Publicerad som version {{version}}.',
      unpublished: 'Den öppna sidan är avpublicerad.',
      current: 'Publicerad: version {{version}}, {{when}}',
      notPublished: 'Inte publicerad.',
      address: 'Adress',
      warningsHeading: 'Lappar som kan innehålla personuppgifter',
      warningsIntro:
        'Kontrollera lapparna nedan innan du publicerar. Ändringar gäller bara den publicerade kopian; tavlorna ändras inte.',
      warningFor: '{{group}}: {{kinds}}',
      kinds: { personnummer: 'personnummer', phone: 'telefonnummer', email: 'e-postadress' },
      editLabel: 'Text i den publicerade kopian ({{group}})',
      checking: 'Kontrollerar …',
      failed: 'Det gick inte: {{message}}',
      cancel: 'Avbryt',
    },
  },
  en: {
    outcome: {
      reportHeading: 'Report',
      reportIntro:
        'The day’s outcome: agenda, synthesis per key area, the groups’ clusters and factors, the recorder’s images.',
      download: 'Download the report as {{format}}',
      formats: { md: 'Markdown', docx: 'Word (DOCX)', csv: 'CSV (spreadsheet)', json: 'JSON' },
      publishHeading: 'Open page',
      publishIntro:
        'Publish makes a frozen, open copy of the outcome at a stable address that needs no link with a key. It can never change anything on the boards.',
      includeNames: 'Show the names of those who wrote the notes',
      includeNamesHint: 'Unticked, every name is left out.',
      note: 'What changed since the last version?',
      publish: 'Publish',
      publishAgain: 'Publish again',
      unpublish: 'Unpublish',
      unpublishConfirm: 'Unpublish the open page?',
      unpublishExplain:
        'The address then answers that the page is gone. You can publish again later.',
      published: 'Published as version {{version}}.',
      unpublished: 'The open page is unpublished.',
      current: 'Published: version {{version}}, {{when}}',
      notPublished: 'Not published.',
      address: 'Address',
      warningsHeading: 'Notes that may hold personal data',
      warningsIntro:
        'Check the notes below before publishing. Edits apply to the published copy only; the boards are not changed.',
      warningFor: '{{group}}: {{kinds}}',
      kinds: {
        personnummer: 'personal identity number',
        phone: 'phone number',
        email: 'e-mail address',
      },
      editLabel: 'Text in the published copy ({{group}})',
      checking: 'Checking …',
      failed: 'That did not work: {{message}}',
      cancel: 'Cancel',
    },
  },
})
