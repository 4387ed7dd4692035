import { registerStrings } from '../common/registerStrings'

registerStrings({
  sv: {
    account: {
      signIn: 'Logga in',
      signOut: 'Logga ut',
      signedInAs: 'Inloggad som {{name}}',
      promptHeading: 'Logga in för att skapa',
      promptText:
        'Här skapar den som leder workshoppar och tavlor med sitt konto i kommunen. Deltagare och åhörare behöver inget konto: de går med via sin länk.',
      mineHeading: 'Mina workshoppar och tavlor',
      mineEmpty: 'Du har inga workshoppar eller tavlor ännu.',
      mineFailed: 'Listan kunde inte hämtas: {{message}}',
      kind: { workshop: 'Workshop', board: 'Tavla' },
      relation: { owner: 'Skapad av dig', cofacilitator: 'Du är medansvarig' },
      showLinks: 'Visa länkar för {{title}}',
      open: 'Öppna {{title}}',
      noLinks:
        'Länkarna kan inte visas (de byttes utan inloggning). Öppna med samtalsledarens länk en gång.',
      linksKept: 'Du är inloggad: länkarna finns kvar under Mina workshoppar och tavlor.',
      coHeading: 'Medansvariga samtalsledare',
      coIntro:
        'Medansvariga loggar in med sitt konto och hittar då workshoppen under Mina workshoppar. De behöver ha loggat in här en gång.',
      coPerson: 'E-post eller namn',
      coAdd: 'Lägg till',
      coRemove: 'Ta bort {{name}}',
      coAdded: '{{name}} är nu medansvarig.',
      coFailed: 'Det gick inte: {{message}}',
      coNotFound: 'Ingen med den e-postadressen eller det namnet har loggat in här ännu.',
      coAmbiguous: 'Flera personer matchar. Skriv e-postadressen.',
      coOwner: 'skapade workshoppen',
    },
  },
  en: {
    account: {
      signIn: 'Sign in',
      signOut: 'Sign out',
      signedInAs: 'Signed in as {{name}}',
      promptHeading: 'Sign in to create',
      promptText:
        'Whoever runs workshops and boards creates them here with their municipal account. Participants and viewers need no account: they join by their link.',
      mineHeading: 'My workshops and boards',
      mineEmpty: 'You have no workshops or boards yet.',
      mineFailed: 'The list could not be loaded: {{message}}',
      kind: { workshop: 'Workshop', board: 'Board' },
      relation: { owner: 'Created by you', cofacilitator: 'You co-facilitate' },
      showLinks: 'Show links for {{title}}',
      open: 'Open {{title}}',
      noLinks:
        'The links cannot be shown (they were rotated without signing in). Open it once with the facilitator link.',
      linksKept: 'You are signed in: the links stay under My workshops and boards.',
      coHeading: 'Co-facilitators',
      coIntro:
        'Co-facilitators sign in with their account and then find the workshop under My workshops. They must have signed in here once.',
      coPerson: 'E-mail or name',
      coAdd: 'Add',
      coRemove: 'Remove {{name}}',
      coAdded: '{{name}} now co-facilitates.',
      coFailed: 'That did not work: {{message}}',
      coNotFound: 'Nobody with that e-mail or name has signed in here yet.',
      coAmbiguous: 'More than one person matches. Type the e-mail address.',
      coOwner: 'created the workshop',
    },
  },
})
