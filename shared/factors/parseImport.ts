import Papa from 'papaparse'
import type { Language } from '../templates/Template'
import type { Polarity } from './Factor'
import {
  importErrorMessage,
  MAX_FACTOR_TEXT,
  MAX_IMPORT_FACTORS,
  type ImportErrorCode,
} from './importErrors'
import { LEADING_SIGNS, parsePolarityWord } from './parsePolarityWord'

/** A factor as an import states it, before it becomes a note. */
export interface ImportedFactor {
  text: string
  polarity: Polarity
  /** The cluster to place the factor in, by name. */
  cluster?: string
}

export type ImportError = { ok: false; line: number; code: ImportErrorCode; message: string }

/** All factors, or the first problem: an import never lands half-way. */
export type ImportResult = { ok: true; factors: ImportedFactor[] } | ImportError

function failure(
  code: ImportErrorCode,
  line: number,
  language: Language,
  detail = '',
): ImportError {
  return { ok: false, line, code, message: importErrorMessage(code, line, language, detail) }
}

/** Checks what every import path shares: text present and short enough, and the count. */
function checkFactor(text: string, count: number): ImportErrorCode | undefined {
  if (text.length === 0) return 'empty-text'
  if (text.length > MAX_FACTOR_TEXT) return 'text-too-long'
  if (count >= MAX_IMPORT_FACTORS) return 'too-many-factors'
  return undefined
}

const LINE_BREAK = /\r\n|\r|\n/

function withoutBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text
}

/**
 * A pasted list, one factor per line: a leading `+` makes it enabling, `-` or `–` hindering,
 * no sign leaves it undecided. Blank lines are skipped; line numbers count them.
 */
export function parseFactorList(input: string, language: Language = 'en'): ImportResult {
  const factors: ImportedFactor[] = []
  const lines = withoutBom(input).split(LINE_BREAK)
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim()
    if (line === '') continue
    const polarity = LEADING_SIGNS[line[0]!]
    const text = polarity ? line.slice(1).trim() : line
    const problem = checkFactor(text, factors.length)
    if (problem) return failure(problem, index + 1, language)
    factors.push({ text, polarity: polarity ?? 'undecided' })
  }
  return { ok: true, factors }
}

const columnNames = {
  text: ['text', 'faktor'],
  polarity: ['polarity', 'polaritet'],
  cluster: ['cluster', 'kluster'],
}

type Columns = { text: number; polarity: number; cluster: number }

function findColumns(header: readonly string[]): Columns {
  const names = header.map((cell) => withoutBom(cell).trim().toLocaleLowerCase('sv'))
  const find = (aliases: string[]) => names.findIndex((name) => aliases.includes(name))
  return {
    text: find(columnNames.text),
    polarity: find(columnNames.polarity),
    cluster: find(columnNames.cluster),
  }
}

/** Excel in Swedish writes `;`; others write `,` or tabs. The header row tells which. */
function detectDelimiter(input: string): string {
  const header = input.split(LINE_BREAK, 1)[0] ?? ''
  const count = (sign: string) => header.split(sign).length - 1
  return [';', '\t', ','].reduce((best, sign) => (count(sign) > count(best) ? sign : best), ',')
}

interface CsvRow {
  cells: string[]
  line: number
  unbalancedQuotes: boolean
}

/** Rows with the line each starts on; a quoted cell may span lines, so rows and lines differ. */
function readCsvRows(input: string): CsvRow[] {
  const rows: CsvRow[] = []
  let offset = 0
  let line = 1
  Papa.parse<string[]>(input, {
    delimiter: detectDelimiter(input),
    step: (result) => {
      rows.push({
        cells: result.data,
        line,
        unbalancedQuotes: result.errors.some((error) => error.code === 'MissingQuotes'),
      })
      const cursor = result.meta.cursor
      line += input.slice(offset, cursor).split(LINE_BREAK).length - 1
      offset = cursor
    },
  })
  return rows
}

/**
 * A CSV file with a header row naming the columns `text` (or `faktor`), optionally
 * `polarity` (`polaritet`) and `cluster` (`kluster`). Line numbers count the header as line 1.
 */
export function parseFactorCsv(input: string, language: Language = 'en'): ImportResult {
  const rows = readCsvRows(withoutBom(input))
  const [header, ...body] = rows
  if (header?.unbalancedQuotes) return failure('unbalanced-quotes', header.line, language)
  const columns = findColumns(header?.cells ?? [])
  if (columns.text < 0) return failure('missing-text-column', 1, language)
  const factors: ImportedFactor[] = []
  for (const row of body) {
    if (row.unbalancedQuotes) return failure('unbalanced-quotes', row.line, language)
    if (row.cells.every((cell) => cell.trim() === '')) continue
    const text = (row.cells[columns.text] ?? '').trim()
    const problem = checkFactor(text, factors.length)
    if (problem) return failure(problem, row.line, language)
    const polarityCell = row.cells[columns.polarity] ?? ''
    const polarity = parsePolarityWord(polarityCell)
    if (!polarity) return failure('unknown-polarity', row.line, language, polarityCell.trim())
    const cluster = (row.cells[columns.cluster] ?? '').trim()
    factors.push(cluster ? { text, polarity, cluster } : { text, polarity })
  }
  return { ok: true, factors }
}
