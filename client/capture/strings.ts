import { registerStrings } from '../common/registerStrings'

registerStrings({
  sv: {
    capture: {
      heading: 'Fånga',
      intro:
        'Lägger en bild av tavlorna här, var och en i en låst ram med namn och tid. Bilden står kvar när tavlan ändras.',
      all: 'Fånga alla grupper',
      board: 'Tavla att fånga',
      one: 'Fånga',
      progress: 'Fångar {{done}} av {{total}} …',
      done_one: '{{count}} bild lades till.',
      done_other: '{{count}} bilder lades till.',
      empty: '{{board}} är tom och fångades inte.',
      label: '{{board}} · {{time}}',
      alt: 'Bild av tavlan {{board}} klockan {{time}}',
      failed: 'Det gick inte att fånga: {{message}}',
    },
  },
  en: {
    capture: {
      heading: 'Capture',
      intro:
        'Places a picture of the boards here, each in a locked frame with its name and time. The picture stays when the board changes.',
      all: 'Capture all groups',
      board: 'Board to capture',
      one: 'Capture',
      progress: 'Capturing {{done}} of {{total}} …',
      done_one: '{{count}} picture was added.',
      done_other: '{{count}} pictures were added.',
      empty: '{{board}} is empty and was not captured.',
      label: '{{board}} · {{time}}',
      alt: 'Picture of the board {{board}} at {{time}}',
      failed: 'Capturing failed: {{message}}',
    },
  },
})
