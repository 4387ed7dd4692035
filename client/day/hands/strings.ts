import { registerStrings } from '../../common/registerStrings'

/** UI strings for raised hands (Räck upp handen). */
const sv = {
  hands: {
    raise: 'Räck upp handen',
    lower: 'Ta ner handen',
    raised: 'Din hand är uppräckt',
    raisedAnnounce: 'Din hand är uppräckt. Samtalsledaren ser den.',
    loweredAnnounce: 'Din hand är nere.',
    heading: 'Räckta händer',
    none: 'Ingen räcker upp handen just nu.',
    count_one: '{{count}} räckt hand',
    count_other: '{{count}} räckta händer',
    lowerFor: 'Ta ner {{name}}s hand',
    since: 'sedan {{time}}',
    noGroup: 'ingen grupp',
  },
}

const en: typeof sv = {
  hands: {
    raise: 'Raise hand',
    lower: 'Lower hand',
    raised: 'Your hand is raised',
    raisedAnnounce: 'Your hand is raised. The facilitator sees it.',
    loweredAnnounce: 'Your hand is down.',
    heading: 'Raised hands',
    none: 'Nobody is raising a hand right now.',
    count_one: '{{count}} raised hand',
    count_other: '{{count}} raised hands',
    lowerFor: "Lower {{name}}'s hand",
    since: 'since {{time}}',
    noGroup: 'no group',
  },
}

export const handStrings = { sv, en }
registerStrings(handStrings)
