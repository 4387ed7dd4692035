import { registerStrings } from '../common/registerStrings'

registerStrings({
  sv: {
    writing: {
      heading: 'Skriv faktorer',
      intro: 'Det du skriver hamnar direkt på gruppens tavla. Tavlan finns under ”Tavla”.',
      own: 'Dina lappar ({{count}})',
      none: 'Du har inte skrivit några lappar på den här tavlan än.',
    },
  },
  en: {
    writing: {
      heading: 'Write factors',
      intro: 'What you write goes straight onto the group’s board. The board is under “Canvas”.',
      own: 'Your notes ({{count}})',
      none: 'You have not written any notes on this board yet.',
    },
  },
})
