import { registerStrings } from '../common/registerStrings'

registerStrings({
  sv: {
    import: {
      open: 'Importera',
      heading: 'Importera faktorer',
      intro:
        'Klistra in en lista med en faktor per rad. Börja raden med + för främjande och - för hämmande. Eller välj en CSV-fil med kolumnerna text, polaritet och (om du vill) kluster.',
      paste: 'Lista att klistra in',
      file: 'Eller välj en CSV-fil',
      submit: 'Importera',
      cancel: 'Avbryt',
      busy: 'Importerar …',
      nothing: 'Klistra in en lista eller välj en fil först.',
      failed: 'Inget importerades. {{message}}',
      done_one: '1 faktor importerades.',
      done_other: '{{count}} faktorer importerades.',
    },
  },
  en: {
    import: {
      open: 'Import',
      heading: 'Import factors',
      intro:
        'Paste a list with one factor per line. Start a line with + for enabling and - for hindering. Or choose a CSV file with the columns text, polarity and (optionally) cluster.',
      paste: 'List to paste',
      file: 'Or choose a CSV file',
      submit: 'Import',
      cancel: 'Cancel',
      busy: 'Importing …',
      nothing: 'Paste a list or choose a file first.',
      failed: 'Nothing was imported. {{message}}',
      done_one: '1 factor was imported.',
      done_other: '{{count}} factors were imported.',
    },
  },
})
