import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'
import { POLARITIES, type Factor } from '../../shared/factors'
import type { Report, ReportGroup } from '../../shared/report/Report'
import { clockTime, reportStrings, type ReportStrings } from '../../shared/report/reportStrings'

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({ text, heading: level })

const bullet = (text: string, level = 0) => new Paragraph({ text, bullet: { level } })

function factorParagraph(factor: Factor, group: ReportGroup, s: ReportStrings): Paragraph {
  const votes = group.votes[factor.id]
  const extras = [votes ? s.votes(votes) : '', factor.author ? `${s.author} ${factor.author}` : '']
    .filter(Boolean)
    .join(', ')
  const children = [new TextRun(factor.text)]
  if (extras) children.push(new TextRun({ text: ` (${extras})`, italics: true }))
  return new Paragraph({ children, bullet: { level: 0 } })
}

/**
 * The workshop's report as a Word document (DOCX), the format municipalities file and share:
 * headings for every part, so it reads well with a screen reader and gets a table of contents.
 */
export async function reportToDocx(report: Report): Promise<Buffer> {
  const s = reportStrings(report.language)
  const body: Paragraph[] = [new Paragraph({ text: report.title, heading: HeadingLevel.TITLE })]
  if (report.date) body.push(new Paragraph(`${s.date}: ${report.date}`))
  if (report.track) body.push(new Paragraph(`${s.track}: ${report.track}`))

  body.push(heading(s.agenda, HeadingLevel.HEADING_1))
  if (report.agenda.length === 0) body.push(new Paragraph(s.noAgenda))
  for (const step of report.agenda) {
    const times = `${clockTime(step.startedAt, report.language)}–${clockTime(step.endedAt, report.language)}`
    body.push(bullet(`${times} ${step.name}`))
  }

  body.push(heading(s.synthesis, HeadingLevel.HEADING_1))
  const total = report.synthesis.groups.length
  const groupName = new Map(report.synthesis.groups.map((group) => [group.id, group.name]))
  if (report.synthesis.keyAreas.length === 0) body.push(new Paragraph(s.noSynthesis))
  for (const area of report.synthesis.keyAreas) {
    body.push(heading(area.name, HeadingLevel.HEADING_2))
    for (const polarity of ['hindering', 'enabling'] as const) {
      if (area[polarity].length === 0) continue
      body.push(heading(s.polarity[polarity], HeadingLevel.HEADING_3))
      for (const entry of area[polarity]) {
        body.push(bullet(`${entry.text} — ${s.named(entry.groups.length, total)}`))
        for (const wording of entry.wordings) {
          body.push(bullet(`${groupName.get(wording.groupId) ?? ''}: ${wording.text}`, 1))
        }
      }
    }
  }

  body.push(heading(s.groups, HeadingLevel.HEADING_1))
  for (const group of report.groups) {
    body.push(heading(group.name, HeadingLevel.HEADING_2))
    for (const cluster of group.clusters) {
      body.push(heading(cluster.name, HeadingLevel.HEADING_3))
      for (const polarity of POLARITIES) {
        if (cluster[polarity].length === 0) continue
        body.push(heading(s.polarity[polarity], HeadingLevel.HEADING_4))
        for (const factor of cluster[polarity]) body.push(factorParagraph(factor, group, s))
      }
    }
    if (group.unsorted.length > 0) {
      body.push(heading(s.unsorted, HeadingLevel.HEADING_3))
      for (const factor of group.unsorted) body.push(factorParagraph(factor, group, s))
    }
  }

  body.push(heading(s.captures, HeadingLevel.HEADING_1))
  if (report.captures.length === 0) body.push(new Paragraph(s.noCaptures))
  for (const capture of report.captures) body.push(bullet(`${capture.label}: ${capture.altText}`))

  const document = new Document({
    creator: 'Samskapa',
    title: report.title,
    description: report.track ?? undefined,
    sections: [{ children: body }],
  })
  return Packer.toBuffer(document)
}
