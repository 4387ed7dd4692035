import { POLARITIES, type Factor } from '../../shared/factors'
import type { Report } from '../../shared/report/Report'
import { reportStrings } from '../../shared/report/reportStrings'
import type { PublicationRecord } from '../storage/Storage'

const pageStrings = {
  sv: {
    version: (n: number, date: string) => `Version ${n}, publicerad ${date}`,
    changed: 'Ändrat i den här versionen:',
    downloads: 'Ladda ner',
    formats: { md: 'Markdown', docx: 'Word (DOCX)', csv: 'CSV', json: 'JSON' },
    gone: 'Sidan är avpublicerad',
    goneBody: 'Den här workshopens resultat är inte längre publicerade.',
  },
  en: {
    version: (n: number, date: string) => `Version ${n}, published ${date}`,
    changed: 'Changed in this version:',
    downloads: 'Download',
    formats: { md: 'Markdown', docx: 'Word (DOCX)', csv: 'CSV', json: 'JSON' },
    gone: 'This page was unpublished',
    goneBody: 'The results of this workshop are no longer published.',
  },
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
const esc = (text: string) => text.replace(/[&<>"']/g, (char) => ESCAPES[char]!)

const STYLE = `body{font:1rem/1.5 system-ui,sans-serif;max-width:52rem;margin:0 auto;padding:1rem;color:#1a1a1a;background:#fff}
h1{font-size:1.8rem}h2{margin-top:2rem;border-bottom:2px solid #ccc}a{color:#0b57d0}
.polarity{font-weight:600}.hindering{border-left:4px solid #b3261e;padding-left:.5rem}
.enabling{border-left:4px solid #1b6e35;padding-left:.5rem}.undecided{border-left:4px dashed #555;padding-left:.5rem}
.muted{color:#4a4a4a}figure{margin:1rem 0}img{max-width:100%;height:auto;border:1px solid #ccc}`

function shell(lang: string, title: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)} – Samskapa</title>
<meta name="robots" content="noindex"><style>${STYLE}</style></head><body>${body}</body></html>`
}

/** The open page of a published workshop: plain HTML, no script, headings for every part. */
export function publishedPage(publication: PublicationRecord, report: Report): string {
  const s = reportStrings(report.language)
  const p = pageStrings[report.language]
  const icon = { hindering: '⊖', enabling: '⊕', undecided: '?' }
  const total = report.synthesis.groups.length
  const groupName = new Map(report.synthesis.groups.map((group) => [group.id, group.name]))
  const date = new Date(publication.publishedAt).toISOString().slice(0, 10)
  const parts: string[] = [`<header><h1>${esc(report.title)}</h1>`]
  const facts = [
    report.date && `${s.date}: ${report.date}`,
    report.track && `${s.track}: ${report.track}`,
  ]
  parts.push(
    `<p>${facts
      .filter(Boolean)
      .map((fact) => esc(String(fact)))
      .join(' · ')}</p>`,
  )
  parts.push(`<p class="muted">${esc(p.version(publication.version, date))}</p>`)
  if (publication.note)
    parts.push(`<p><strong>${esc(p.changed)}</strong> ${esc(publication.note)}</p>`)
  parts.push('</header><main>')

  parts.push(`<h2>${esc(s.captures)}</h2>`)
  if (report.captures.length === 0) parts.push(`<p>${esc(s.noCaptures)}</p>`)
  for (const capture of report.captures) {
    parts.push(
      `<figure><img src="${esc(capture.src)}" alt="${esc(capture.altText)}"><figcaption>${esc(capture.label)}</figcaption></figure>`,
    )
  }

  parts.push(`<h2>${esc(s.synthesis)}</h2>`)
  if (report.synthesis.keyAreas.length === 0) parts.push(`<p>${esc(s.noSynthesis)}</p>`)
  for (const area of report.synthesis.keyAreas) {
    parts.push(`<h3>${esc(area.name)}</h3>`)
    for (const polarity of ['hindering', 'enabling'] as const) {
      if (area[polarity].length === 0) continue
      parts.push(
        `<h4 class="polarity ${polarity}"><span aria-hidden="true">${icon[polarity]}</span> ${esc(s.polarity[polarity])}</h4><ul>`,
      )
      for (const entry of area[polarity]) {
        const wordings = entry.wordings
          .map((w) => `<li>${esc(groupName.get(w.groupId) ?? '')}: ${esc(w.text)}</li>`)
          .join('')
        parts.push(
          `<li>${esc(entry.text)} <span class="muted">(${esc(s.named(entry.groups.length, total))})</span><details><summary>${esc(s.wordings)}</summary><ul>${wordings}</ul></details></li>`,
        )
      }
      parts.push('</ul>')
    }
  }

  parts.push(`<h2>${esc(s.groups)}</h2>`)
  const byPolarity = (factors: readonly Factor[]) =>
    POLARITIES.map((polarity) => {
      const items = factors
        .filter((factor) => factor.polarity === polarity)
        .map(
          (factor) =>
            `<li>${esc(factor.text)}${factor.author ? ` <span class="muted">– ${esc(factor.author)}</span>` : ''}</li>`,
        )
        .join('')
      return items
        ? `<div class="${polarity}"><p class="polarity"><span aria-hidden="true">${icon[polarity]}</span> ${esc(s.polarity[polarity])}</p><ul>${items}</ul></div>`
        : ''
    }).join('')
  for (const group of report.groups) {
    parts.push(`<h3>${esc(group.name)}</h3>`)
    for (const cluster of group.clusters) {
      parts.push(`<h4>${esc(cluster.name)}</h4>`)
      parts.push(byPolarity([...cluster.hindering, ...cluster.enabling, ...cluster.undecided]))
    }
    // Notes nobody sorted into a cluster are part of the outcome too.
    if (group.unsorted.length > 0) {
      parts.push(`<h4>${esc(s.unsorted)}</h4>`)
      parts.push(byPolarity(group.unsorted))
    }
  }

  parts.push(`<h2>${esc(p.downloads)}</h2><ul>`)
  for (const [format, label] of Object.entries(p.formats)) {
    parts.push(`<li><a href="${publication.slug}/report.${format}" download>${esc(label)}</a></li>`)
  }
  parts.push('</ul></main>')
  return shell(report.language, report.title, parts.join('\n'))
}

export function unpublishedPage(language: 'sv' | 'en'): string {
  const p = pageStrings[language]
  return shell(language, p.gone, `<main><h1>${esc(p.gone)}</h1><p>${esc(p.goneBody)}</p></main>`)
}
