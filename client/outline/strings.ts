import { registerStrings } from '../common/registerStrings'

export const outlineStrings = {
  sv: {
    view: {
      label: 'Visa tavlan som',
      write: 'Skriv',
      canvas: 'Tavla',
      outline: 'Listvy',
    },
    outline: {
      heading: 'Listvy',
      intro: 'Samma tavla som en lista. Ändringar här syns direkt på allas tavla, och tvärtom.',
      summary:
        '{{total}} faktorer: {{hindering}} hämmande · {{enabling}} främjande · {{undecided}} ej bestämda',
      placement: '{{sorted}} i kluster · {{unsorted}} osorterade',
      clusterCounts:
        '{{hindering}} hämmande · {{enabling}} främjande · {{undecided}} ej bestämda · totalt {{total}}',
      unnamed: 'Namnlöst kluster',
      noClusters:
        'Tavlan har inga kluster än. Skapa en ram på tavlan eller importera faktorer med kluster.',
      unsorted: 'Osorterat',
      unsortedCount: '{{count}} faktorer',
      unsortedCount_one: '1 faktor',
      unsortedCount_other: '{{count}} faktorer',
      emptyCluster: 'Inga faktorer här än.',
      emptyUnsorted: 'Alla faktorer är sorterade.',
      by: 'av {{author}}',
      add: {
        heading: 'Lägg till en faktor',
        text: 'Faktor',
        polarity: 'Polaritet',
        cluster: 'Kluster',
        submit: 'Lägg till',
        done: 'Faktorn ”{{text}}” är tillagd i {{place}}.',
      },
      edit: {
        open: 'Ändra',
        openLabel: 'Ändra ”{{text}}”',
        text: 'Text',
        polarity: 'Polaritet',
        cluster: 'Flytta till',
        save: 'Spara',
        cancel: 'Avbryt',
        done: 'Sparat: ”{{text}}”, {{polarity}}, i {{place}}.',
      },
      rename: {
        open: 'Byt namn',
        openLabel: 'Byt namn på klustret ”{{name}}”',
        label: 'Klustrets namn',
        save: 'Spara namn',
        cancel: 'Avbryt',
        done: 'Klustret heter nu ”{{name}}”.',
      },
      emptyText: 'Skriv en text först.',
    },
  },
  en: {
    view: {
      label: 'Show the board as',
      write: 'Write',
      canvas: 'Canvas',
      outline: 'Outline',
    },
    outline: {
      heading: 'Outline',
      intro: 'The same board as a list. Changes here show at once on everyone’s board, and back.',
      summary:
        '{{total}} factors: {{hindering}} hindering · {{enabling}} enabling · {{undecided}} undecided',
      placement: '{{sorted}} in clusters · {{unsorted}} unsorted',
      clusterCounts:
        '{{hindering}} hindering · {{enabling}} enabling · {{undecided}} undecided · total {{total}}',
      unnamed: 'Unnamed cluster',
      noClusters:
        'The board has no clusters yet. Draw a frame on the board or import factors with clusters.',
      unsorted: 'Unsorted',
      unsortedCount_one: '1 factor',
      unsortedCount_other: '{{count}} factors',
      emptyCluster: 'No factors here yet.',
      emptyUnsorted: 'Every factor is sorted.',
      by: 'by {{author}}',
      add: {
        heading: 'Add a factor',
        text: 'Factor',
        polarity: 'Polarity',
        cluster: 'Cluster',
        submit: 'Add',
        done: 'The factor “{{text}}” was added to {{place}}.',
      },
      edit: {
        open: 'Edit',
        openLabel: 'Edit “{{text}}”',
        text: 'Text',
        polarity: 'Polarity',
        cluster: 'Move to',
        save: 'Save',
        cancel: 'Cancel',
        done: 'Saved: “{{text}}”, {{polarity}}, in {{place}}.',
      },
      rename: {
        open: 'Rename',
        openLabel: 'Rename the cluster “{{name}}”',
        label: 'Cluster name',
        save: 'Save name',
        cancel: 'Cancel',
        done: 'The cluster is now called “{{name}}”.',
      },
      emptyText: 'Write a text first.',
    },
  },
}

registerStrings(outlineStrings)
