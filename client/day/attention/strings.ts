import { registerStrings } from '../../common/registerStrings'

/** UI strings for the room's attention: Följ mig, Ta kontroll, spotlight. */
const sv = {
  attention: {
    follow: 'Följ mig',
    stopFollowMe: 'Sluta be andra följa',
    control: 'Ta kontroll',
    release: 'Släpp kontrollen',
    spotlight: 'Strålkastare på klustret',
    spotlightHint: 'Markera ett kluster för att lysa upp det för alla',
    spotlightOff: 'Släck strålkastaren',
    followOffered: 'Samtalsledaren vill att du följer hens vy.',
    followAccept: 'Följ samtalsledaren',
    followDecline: 'Inte nu',
    following: 'Du följer samtalsledarens vy.',
    stopFollowing: 'Sluta följa',
    controlled:
      'Samtalsledaren har tagit kontroll: du ser det hen visar, och tavlan är pausad tills hen släpper.',
    held: 'Din senaste ändring väntar: den sparas när samtalsledaren släpper tavlan.',
    inFocus: 'I fokus: {{name}}',
    unnamedCluster: 'namnlöst kluster',
    dismissFocus: 'Stäng fokus',
    followStarted: 'Alla på tavlan kan nu följa din vy',
    controlStarted: 'Alla på tavlan följer nu din vy och kan inte ändra tavlan',
    released: 'Deltagarna styr sina vyer själva igen',
  },
}

const en: typeof sv = {
  attention: {
    follow: 'Follow me',
    stopFollowMe: 'Stop asking others to follow',
    control: 'Take control',
    release: 'Release control',
    spotlight: 'Spotlight the cluster',
    spotlightHint: 'Select a cluster to spotlight it for everyone',
    spotlightOff: 'Turn off the spotlight',
    followOffered: 'The facilitator asks you to follow their view.',
    followAccept: 'Follow the facilitator',
    followDecline: 'Not now',
    following: "You are following the facilitator's view.",
    stopFollowing: 'Stop following',
    controlled:
      'The facilitator has taken control: you see what they show, and the board is paused until they release it.',
    held: 'Your latest change is waiting: it is saved when the facilitator releases the board.',
    inFocus: 'In focus: {{name}}',
    unnamedCluster: 'unnamed cluster',
    dismissFocus: 'Close focus',
    followStarted: 'Everyone on the board can now follow your view',
    controlStarted: 'Everyone on the board now follows your view and cannot change the board',
    released: 'Participants steer their own views again',
  },
}

export const attentionStrings = { sv, en }
registerStrings(attentionStrings)
