/**
 * Derives shared/similarity/thesaurus/thesaurus-sv.json from Viggo Kann's Swedish thesaurus as
 * Debian ships it (`apt-get install mythes-sv`). Run again when that package changes:
 *   npx tsx scripts/buildThesaurus.ts [/usr/share/mythes/th_sv_SE_v2.dat]
 * Changes made (the licence asks that they be noted, see thesaurus/NOTICE.md): converted from
 * ISO-8859-1 to UTF-8, lower-cased, multi-word phrases and stop words dropped, every word
 * replaced by its Snowball stem (so the server need not stem 50 000 words at start-up), each
 * meaning stored as one line "headword|synonym|synonym…".
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { stemWord } from '../shared/similarity/stem'
import { isStopWord } from '../shared/similarity/stopWords'

const source = process.argv[2] ?? '/usr/share/mythes/th_sv_SE_v2.dat'
const target = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../shared/similarity/thesaurus/thesaurus-sv.json',
)

const isWord = (phrase: string) => /^[\p{L}-]+$/u.test(phrase)
const lines = new TextDecoder('iso-8859-1').decode(readFileSync(source)).split('\n')
const meanings = new Set<string>()
let headword = ''
for (const line of lines.slice(1)) {
  if (!line.startsWith('|') && !line.startsWith('(')) {
    headword = line.split('|')[0]?.trim().toLowerCase() ?? ''
    continue
  }
  if (!isWord(headword) || isStopWord(headword, 'sv')) continue
  const head = stemWord(headword, 'sv')
  const synonyms = line
    .split('|')
    .slice(1)
    .map((word) => word.trim().toLowerCase())
    .filter((word) => isWord(word) && !isStopWord(word, 'sv'))
    .map((word) => stemWord(word, 'sv'))
    .filter((stem) => stem !== head)
  if (synonyms.length > 0) meanings.add([head, ...new Set(synonyms)].join('|'))
}
writeFileSync(target, `${JSON.stringify([...meanings].sort(), null, 0)}\n`)
console.log(`${meanings.size} meanings → ${target}`)
