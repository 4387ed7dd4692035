import { unzipSync, strFromU8 } from 'fflate'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { reportFileName, withoutNames } from '../../shared/report/Report'
import { reportToCsv } from '../../shared/report/toCsv'
import { reportToJson } from '../../shared/report/toJson'
import { reportToMarkdown } from '../../shared/report/toMarkdown'
import { reportToDocx } from '../../server/report/toDocx'
import { reportFixture } from './reportFixture'

describe('the workshop report', () => {
  it('writes Markdown with the agenda, the synthesis with "nämnd av", each group and the captures', () => {
    const md = reportToMarkdown(reportFixture())
    expect(md).toContain('# Träff 2 – Digital förändring')
    expect(md).toContain('Spår: Skola och lärande')
    expect(md).toContain('- 09:30–10:15 Samskapa')
    expect(md).toContain('- Otydliga mål — nämnd av 2 av 2 grupper')
    expect(md).toContain('  - Grupp 2: Målen är oklara')
    expect(md).toContain('### Grupp 1')
    expect(md).toContain('- Otydliga mål _(3 röster, skrivet av Anna Andersson)_')
    expect(md).toContain('#### Osorterade')
    expect(md).toContain('- Grupp 1 · 10:15: Skiss av gruppens kluster')
    // A note cannot become a link or markup.
    expect(md).toContain('=HYPERLINK\\("http://evil.example","klicka"\\)')
    expect(md).not.toContain('[klicka]')
  })

  it('writes English when the UI is English', () => {
    const md = reportToMarkdown(reportFixture('en'))
    expect(md).toContain('named by 2 of 2 groups')
    expect(md).toContain('**Hindering**')
  })

  it('writes CSV, one row per factor, that a spreadsheet never runs as a formula', () => {
    const csv = reportToCsv(reportFixture())
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const rows = Papa.parse<string[]>(csv.slice(1).trim()).data
    expect(rows[0]).toEqual([
      'workshop',
      'grupp',
      'kluster',
      'polaritet',
      'text',
      'författare',
      'röster',
    ])
    expect(rows).toHaveLength(1 + 5)
    expect(rows[1]).toEqual([
      'Träff 2 – Digital förändring',
      'Grupp 1',
      'Ledarskap',
      'Hämmande',
      'Otydliga mål',
      'Anna Andersson',
      '3',
    ])
    const texts = rows.slice(1).map((row) => row[4]!)
    for (const text of texts) expect(text).not.toMatch(/^[=+\-@\t\r]/)
    expect(texts).toContain('\'=HYPERLINK("http://evil.example","klicka")')
    expect(texts).toContain("'@SUM(A1:A9)")
    expect(texts).toContain("'+46 70 123 45 67 ringer")
    // Every cell is quoted.
    expect(csv.split('\r\n')[1]).toMatch(/^"[^"]*","/)
  })

  it('writes JSON that reads back as the same report', () => {
    const report = reportFixture()
    const parsed = JSON.parse(reportToJson(report)) as Record<string, unknown>
    expect(parsed).toMatchObject({ format: 'samskapa-report', version: 1, title: report.title })
    expect(parsed.groups).toEqual(report.groups)
  })

  it('writes a DOCX whose document XML has the headings and texts', async () => {
    const bytes = await reportToDocx(reportFixture())
    const files = unzipSync(new Uint8Array(bytes))
    expect(Object.keys(files)).toContain('word/document.xml')
    const xml = strFromU8(files['word/document.xml']!)
    expect(xml).toContain('Träff 2 – Digital förändring')
    expect(xml).toContain('Otydliga mål — nämnd av 2 av 2 grupper')
    expect(xml).toContain('Grupp 2: Målen är oklara')
    expect(xml).toMatch(/w:pStyle w:val="Heading1"/)
    // Text is escaped XML, not markup.
    expect(xml).toContain('=HYPERLINK(&quot;http://evil.example&quot;,&quot;klicka&quot;)')
    expect(strFromU8(files['docProps/core.xml']!)).toContain('Träff 2')
  })

  it('leaves every author out when names may not be shown, and names files by the workshop', () => {
    const anonymous = withoutNames(reportFixture())
    expect(reportToMarkdown(anonymous)).not.toContain('Anna Andersson')
    expect(reportToCsv(anonymous)).not.toContain('Anna Andersson')
    expect(reportFileName(reportFixture(), 'docx')).toBe(
      'traff-2-digital-forandring-2025-03-14.docx',
    )
  })
})
