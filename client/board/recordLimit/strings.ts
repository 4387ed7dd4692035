import { registerStrings } from '../../common/registerStrings'

registerStrings({
  sv: {
    boardFull: {
      added:
        'Tavlan är full: den rymmer högst {{max}} saker (lappar, former, pilar, sidor). Det du lade till sparades inte. Ta bort något först, eller fortsätt på en ny tavla.',
      server:
        'Servern tog inte emot din senaste ändring: tavlan är full. Ta bort något du lade till och välj Försök igen, så sparas resten.',
      dismiss: 'Stäng',
      retry: 'Försök igen',
    },
  },
  en: {
    boardFull: {
      added:
        'The board is full: it holds at most {{max}} things (notes, shapes, arrows, pages). What you added was not saved. Delete something first, or carry on on a new board.',
      server:
        'The server did not take your latest change: the board is full. Delete something you added and choose Try again, and the rest is saved.',
      dismiss: 'Close',
      retry: 'Try again',
    },
  },
})
