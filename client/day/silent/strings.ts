import { registerStrings } from '../../common/registerStrings'

/** UI strings for silent writing (Skriv enskilt). */
const sv = {
  silent: {
    heading: 'Skriv enskilt',
    on: 'Skriv enskilt pågår.',
    yoursArePrivate: 'Dina nya lappar syns bara för dig tills samtalsledaren visar allas lappar.',
    othersWriting_one: '{{count}} lapp skrivs just nu',
    othersWriting_other: '{{count}} lappar skrivs just nu',
    start: 'Starta Skriv enskilt',
    reveal: 'Visa allas lappar',
    anonymous: 'Visa utan namn',
    off: 'Deltagarnas lappar syns för alla.',
    explain:
      'Medan Skriv enskilt pågår stannar deltagarnas nya lappar i deras egna webbläsare – inte ens du ser dem.',
  },
}

const en: typeof sv = {
  silent: {
    heading: 'Write alone',
    on: 'Writing alone.',
    yoursArePrivate: 'Your new notes are visible only to you until the facilitator reveals them.',
    othersWriting_one: '{{count}} note is being written',
    othersWriting_other: '{{count}} notes are being written',
    start: 'Start writing alone',
    reveal: "Reveal everyone's notes",
    anonymous: 'Reveal without names',
    off: "Participants' notes are visible to everyone.",
    explain:
      "While writing alone, participants' new notes stay in their own browsers – not even you see them.",
  },
}

export const silentStrings = { sv, en }
registerStrings(silentStrings)
