/**
 * Derives shared/similarity/thesaurus/thesaurus-sv.json from Viggo Kann's Swedish thesaurus as
 * Debian ships it (`apt-get install mythes-sv`). Run again when that package changes:
 *   npx tsx scripts/buildThesaurus.ts [/usr/share/mythes/th_sv_SE_v2.dat]
 * Changes made (the licence asks that they be noted, see thesaurus/NOTICE.md): converted from
 * ISO-8859-1 to UTF-8, lower-cased, multi-word phrases dropped, each meaning stored as one line
 * "headword|synonym|synonym…".
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

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
  if (!isWord(headword)) continue
  const synonyms = line
    .split('|')
    .slice(1)
    .map((word) => word.trim().toLowerCase())
    .filter((word) => isWord(word) && word !== headword)
  if (synonyms.length > 0) meanings.add([headword, ...new Set(synonyms)].join('|'))
}
writeFileSync(target, `${JSON.stringify([...meanings].sort(), null, 0)}\n`)
console.log(`${meanings.size} meanings → ${target}`)
