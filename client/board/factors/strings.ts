/** UI strings of factor notes, clusters and their panel, in Swedish and English. */
export const factorStrings = {
  sv: {
    factors: {
      panel: 'Sortering',
      fold: 'Dölj sorteringen',
      unfold: 'Visa sorteringen · osorterat: {{count}}',
      unsorted: 'Osorterat: {{count}}',
      totals: 'Hela tavlan',
      hindering: 'hämmande',
      enabling: 'främjande',
      undecided: 'ej bestämd',
      total: 'totalt',
      badge: 'Polaritet för ”{{text}}”: {{word}}. Klicka för att byta.',
      badgeEmpty: 'Polaritet för en tom lapp: {{word}}. Klicka för att byta.',
      writtenBy: 'Skriven av {{author}}, {{time}}',
      writtenAt: 'Skriven {{time}}',
      anonymous: 'Anonym tavla (visa inte vem som skrev)',
      writingHelp:
        'Skriv lappar: N och klicka. Enter avslutar, Skift+Enter ny rad, Tab ny lapp bredvid, Ctrl+Enter ny lapp under. P byter polaritet.',
    },
    clusters: {
      newCluster: 'Nytt kluster',
      defaultName: 'Nytt kluster',
      tidy: 'Städa klustret',
      tidyNeedsSelection: 'Markera ett kluster först.',
      suggest: 'Föreslå kluster',
      counts:
        '{{hindering}} {{hinderingWord}} {{h}} · {{enabling}} {{enablingWord}} {{e}} · totalt {{t}}',
      suggestions: 'Förslag på kluster',
      noUnsorted: 'Det finns inga osorterade lappar med text att föreslå kluster för.',
      noneAlike_one:
        'Den enda osorterade lappen har inget att bilda kluster med. Sortera den för hand.',
      noneAlike_other:
        'Inga av de {{count}} osorterade lapparna liknar varandra nog för ett förslag. Sortera dem för hand eller skapa ett nytt kluster.',
      allHandled: 'Alla förslag är hanterade.',
      proposalName: 'Namn på förslag {{number}}',
      accept: 'Skapa kluster',
      reject: 'Avvisa',
      close: 'Stäng förslagen',
      noteCount_one: '{{count}} lapp',
      noteCount_other: '{{count}} lappar',
      accepted: 'Klustret "{{name}}" skapades.',
    },
  },
  en: {
    factors: {
      panel: 'Sorting',
      fold: 'Hide sorting',
      unfold: 'Show sorting · unsorted: {{count}}',
      unsorted: 'Unsorted: {{count}}',
      totals: 'Whole board',
      hindering: 'hindering',
      enabling: 'enabling',
      undecided: 'undecided',
      total: 'total',
      badge: 'Polarity of “{{text}}”: {{word}}. Click to switch.',
      badgeEmpty: 'Polarity of an empty note: {{word}}. Click to switch.',
      writtenBy: 'Written by {{author}}, {{time}}',
      writtenAt: 'Written {{time}}',
      anonymous: 'Anonymous board (hide who wrote what)',
      writingHelp:
        'Write notes: N and click. Enter finishes, Shift+Enter new line, Tab new note beside, Ctrl+Enter new note below. P switches polarity.',
    },
    clusters: {
      newCluster: 'New cluster',
      defaultName: 'New cluster',
      tidy: 'Tidy cluster',
      tidyNeedsSelection: 'Select a cluster first.',
      suggest: 'Suggest clusters',
      counts:
        '{{hindering}} {{hinderingWord}} {{h}} · {{enabling}} {{enablingWord}} {{e}} · total {{t}}',
      suggestions: 'Cluster suggestions',
      noUnsorted: 'There are no unsorted notes with text to suggest clusters for.',
      noneAlike_one: 'The only unsorted note has nothing to form a cluster with. Sort it by hand.',
      noneAlike_other:
        'None of the {{count}} unsorted notes are alike enough for a suggestion. Sort them by hand or create a new cluster.',
      allHandled: 'Every suggestion is handled.',
      proposalName: 'Name of suggestion {{number}}',
      accept: 'Create cluster',
      reject: 'Reject',
      close: 'Close suggestions',
      noteCount_one: '{{count}} note',
      noteCount_other: '{{count}} notes',
      accepted: 'The cluster "{{name}}" was created.',
    },
  },
}

/**
 * tldraw's Swedish translation where it clashes with the words our users and our own UI
 * use: a note is a "lapp", bold is "fetstil" (tldraw says "Anmärkning" and "Djärv").
 */
const tldrawSwedishWords = {
  'tool.note': 'Lapp',
  'tool.rich-text-bold': 'Fetstil',
  'tool.rich-text-code': 'Kod',
  'tool.rich-text-highlight': 'Överstrykning',
  'tool.rich-text-orderedList': 'Numrerad lista',
}

/** tldraw's own menus take their labels from its translations, keyed per locale. */
export const tldrawStrings = {
  sv: {
    ...tldrawSwedishWords,
    'samskapa.cycle-polarity': 'Byt polaritet',
    'samskapa.new-cluster': 'Nytt kluster',
    'samskapa.tidy-cluster': 'Städa klustret',
    'samskapa.anonymous': 'Anonym tavla',
  },
  en: {
    'samskapa.cycle-polarity': 'Switch polarity',
    'samskapa.new-cluster': 'New cluster',
    'samskapa.tidy-cluster': 'Tidy cluster',
    'samskapa.anonymous': 'Anonymous board',
  },
}
