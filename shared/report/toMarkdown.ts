import { POLARITIES, type Factor } from '../factors'
import type { Report, ReportGroup } from './Report'
import { clockTime, reportStrings, type ReportStrings } from './reportStrings'

/**
 * Escapes what would turn a note's text into markup (emphasis, links, images, HTML, tables);
 * texts never start a line, so list and heading markers need no escape. Newlines become spaces.
 */
function escape(text: string): string {
  return text.replace(/([\\`*_[\]()<>|!])/g, '\\$1').replace(/\s*\n\s*/g, ' ')
}

function factorLine(factor: Factor, group: ReportGroup, s: ReportStrings): string {
  const votes = group.votes[factor.id]
  const extras = [
    votes ? s.votes(votes) : undefined,
    factor.author ? `${s.author} ${escape(factor.author)}` : undefined,
  ].filter(Boolean)
  return `- ${escape(factor.text)}${extras.length ? ` _(${extras.join(', ')})_` : ''}`
}

/** The workshop's report as Markdown, for a wiki, an e-mail or a repository. */
export function reportToMarkdown(report: Report): string {
  const s = reportStrings(report.language)
  const lines: string[] = [`# ${escape(report.title)}`, '']
  if (report.date) lines.push(`${s.date}: ${report.date}  `)
  if (report.track) lines.push(`${s.track}: ${escape(report.track)}  `)
  lines.push('', `## ${s.agenda}`, '')
  if (report.agenda.length === 0) lines.push(s.noAgenda)
  for (const step of report.agenda) {
    const times = `${clockTime(step.startedAt, report.language)}–${clockTime(step.endedAt, report.language)}`
    lines.push(`- ${times} ${escape(step.name)}`)
  }

  lines.push('', `## ${s.synthesis}`, '')
  const total = report.synthesis.groups.length
  const groupName = new Map(report.synthesis.groups.map((group) => [group.id, group.name]))
  if (report.synthesis.keyAreas.length === 0) lines.push(s.noSynthesis)
  for (const area of report.synthesis.keyAreas) {
    lines.push(`### ${escape(area.name)}`, '')
    for (const polarity of ['hindering', 'enabling'] as const) {
      if (area[polarity].length === 0) continue
      lines.push(`**${s.polarity[polarity]}**`, '')
      for (const entry of area[polarity]) {
        lines.push(`- ${escape(entry.text)} — ${s.named(entry.groups.length, total)}`)
        for (const wording of entry.wordings) {
          lines.push(`  - ${escape(groupName.get(wording.groupId) ?? '')}: ${escape(wording.text)}`)
        }
      }
      lines.push('')
    }
  }

  lines.push(`## ${s.groups}`, '')
  for (const group of report.groups) {
    lines.push(`### ${escape(group.name)}`, '')
    for (const cluster of group.clusters) {
      lines.push(`#### ${escape(cluster.name)}`, '')
      for (const polarity of POLARITIES) {
        if (cluster[polarity].length === 0) continue
        lines.push(`**${s.polarity[polarity]}**`, '')
        for (const factor of cluster[polarity]) lines.push(factorLine(factor, group, s))
        lines.push('')
      }
    }
    if (group.unsorted.length > 0) {
      lines.push(`#### ${s.unsorted}`, '')
      for (const factor of group.unsorted) lines.push(factorLine(factor, group, s))
      lines.push('')
    }
  }

  lines.push(`## ${s.captures}`, '')
  if (report.captures.length === 0) lines.push(s.noCaptures)
  for (const capture of report.captures) {
    lines.push(`- ${escape(capture.label)}: ${escape(capture.altText)}`)
  }
  lines.push('', `_${s.generated} ${new Date(report.generatedAt).toISOString().slice(0, 10)}_`, '')
  return lines.join('\n')
}
