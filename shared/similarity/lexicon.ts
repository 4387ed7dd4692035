/**
 * Where a concept's words came from, so quality runs can leave tuned entries out:
 * - `field`: near-synonyms of municipal digital change, written from domain knowledge;
 * - `dev`: added after reading only groups g1 and g2 of the test fixture.
 */
export type ConceptSource = 'field' | 'dev'

/** Words (any inflection, Swedish or English) that stand for one idea in factor notes. */
export interface Concept {
  /** English id used as the feature key. */
  id: string
  /** Swedish heading proposed when this concept names a cluster. */
  label: string
  /** Space-separated, so the data stays compact and easy to review. */
  words: string
  source: ConceptSource
}

/** The field's near-synonyms. A word may belong to several concepts ("nätverk"). */
export const FIELD_LEXICON: readonly Concept[] = [
  {
    id: 'leadership',
    label: 'Ledarskap',
    words:
      'chef chefer ledning ledningen ledare ledarskap ledningsgrupp kommundirektör förvaltningschef förvaltningsledning toppledning politiker manager management leader leadership',
    source: 'field',
  },
  {
    id: 'staff',
    label: 'Medarbetare',
    words:
      'personal personalen medarbetare medarbetarna anställda kollega kollegor kollegorna medarbetarskap staff employees colleagues',
    source: 'field',
  },
  {
    id: 'training',
    label: 'Utbildning',
    words:
      'utbildning utbildningar fortbildning kompetensutveckling kurs kurser kursen lärande lära lär workshop training course learning',
    source: 'field',
  },
  {
    id: 'skills',
    label: 'Kompetens',
    words:
      'kompetens kunskap kunskaper färdigheter förmåga digitalkompetens skills competence knowledge',
    source: 'field',
  },
  {
    id: 'funding',
    label: 'Finansiering',
    words:
      'pengar budget budgeten budgetar finansiering resurser medel fond ekonomi anslag investering investeringar funding money',
    source: 'field',
  },
  {
    id: 'time',
    label: 'Tid',
    words: 'tid tiden tidsbrist hinna stress time',
    source: 'field',
  },
  {
    id: 'dataProtection',
    label: 'Dataskydd',
    words:
      'gdpr dataskydd dataskyddsförordning dataskyddsförordningen dataskyddsombud integritet personuppgifter privacy',
    source: 'field',
  },
  {
    id: 'law',
    label: 'Juridik',
    words:
      'juridik jurist jurister juristerna juridisk lag lagen lagar lagstiftning regler regelverk legal law',
    source: 'field',
  },
  {
    id: 'procurement',
    label: 'Upphandling',
    words: 'upphandling upphandla upphandlar lou inköp procurement',
    source: 'field',
  },
  {
    id: 'connectivity',
    label: 'Uppkoppling',
    words:
      'wifi nätverk nätverket uppkoppling uppkopplad uppkopplade bredband internet täckning network connectivity',
    source: 'field',
  },
  {
    id: 'interoperability',
    label: 'Integration',
    words:
      'integration gränssnitt api kompatibel inkompatibel inkompatibla interoperabilitet standard standardiserad standardiserade interface',
    source: 'field',
  },
  {
    id: 'experiment',
    label: 'Testa nytt',
    words: 'testa prova pröva experimentera pilot piloter försök test try experiment',
    source: 'field',
  },
  {
    id: 'failure',
    label: 'Rädsla för att misslyckas',
    words:
      'misslyckas misslyckande misslyckade misstag fel rädsla rädd nollfelskultur failure mistake',
    source: 'field',
  },
  {
    id: 'mandate',
    label: 'Mandat',
    words: 'mandat befogenhet befogenheter beslutsrätt mandate',
    source: 'field',
  },
  {
    id: 'collaboration',
    label: 'Samverkan',
    words:
      'samverkan samarbete samarbeta nätverk erfarenhetsutbyte partnerskap collaboration cooperation',
    source: 'field',
  },
  {
    id: 'sharing',
    label: 'Dela erfarenheter',
    words:
      'dela delar delas sprida spridning öppet öppenhet transparent erfarenheter erfarenhet share sharing',
    source: 'field',
  },
  {
    id: 'citizens',
    label: 'Invånare',
    words:
      'invånare invånarna brukare brukarna medborgare elever patienter kunder vårdtagare citizens users',
    source: 'field',
  },
  {
    id: 'strategy',
    label: 'Strategi och mål',
    words: 'strategi mål vision styrning handlingsplan strategy goals',
    source: 'field',
  },
  {
    id: 'silos',
    label: 'Stuprör',
    words: 'stuprör stuprörsorganisation silo silos revir revirtänkande',
    source: 'field',
  },
  {
    id: 'communication',
    label: 'Kommunikation',
    words:
      'information informationen kommunikation berätta berättar förklara informera synliggöra intranät communication',
    source: 'field',
  },
  {
    id: 'benefit',
    label: 'Nytta',
    words: 'nytta nyttan nyttor vinster effekter värde benefit value',
    source: 'field',
  },
  {
    id: 'involvement',
    label: 'Delaktighet',
    words:
      'delaktighet delaktig delaktiga involvera involveras medskapande medverkan inflytande samskapa involvement participation',
    source: 'field',
  },
  {
    id: 'municipalities',
    label: 'Kommuner',
    words: 'kommun kommuner kommunerna region regioner municipalities',
    source: 'field',
  },
  {
    id: 'trust',
    label: 'Tillit',
    words: 'tillit tillitsbaserad lita litar förtroende trust',
    source: 'field',
  },
  {
    id: 'turnover',
    label: 'Omsättning',
    words: 'omsättning personalomsättning chefsomsättning kontinuitet turnover',
    source: 'field',
  },
  {
    id: 'substitutes',
    label: 'Vikarier',
    words: 'vikarie vikarier ersättare bemanning substitutes',
    source: 'field',
  },
  {
    id: 'champions',
    label: 'Digitala ambassadörer',
    words: 'ambassadör ambassadörer superanvändare coach coacher digicoach champions',
    source: 'field',
  },
  {
    id: 'uncertainty',
    label: 'Osäkerhet',
    words: 'osäker osäkerhet oklar oklart otydlig otydligt unclear',
    source: 'field',
  },
]

/** Entries added after studying groups g1 and g2 only (see tests/bench/quality). */
export const DEV_LEXICON: readonly Concept[] = [
  // "Juristerna säger nej av försiktighet" ~ "Osäkerhet kring dataskyddsförordningen" (g1, g2).
  {
    id: 'caution',
    label: 'Försiktighet',
    words: 'försiktighet försiktig försiktiga osäkerhet oro caution',
    source: 'dev',
  },
  // "lyckade exempel" ~ "goda exempel" (g1, g2).
  {
    id: 'success',
    label: 'Goda exempel',
    words: 'lyckad lyckade lyckat goda framgång framgångsrik framgångsrika success',
    source: 'dev',
  },
  // "Kommundirektören ... driver på" ~ "Engagerad högsta ledning" (g1, g2).
  {
    id: 'commitment',
    label: 'Engagemang',
    words: 'engagerad engagerade engagemang driver commitment',
    source: 'dev',
  },
]

/** The lexicon used unless a caller passes its own. */
export const DEFAULT_LEXICON: readonly Concept[] = [...FIELD_LEXICON, ...DEV_LEXICON]
