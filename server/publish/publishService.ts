import type { Factor } from '../../shared/factors'
import { findPersonalData } from '../../shared/publish/personalData'
import type { PersonalDataWarning, PublishBody } from '../../shared/publishContracts'
import { withoutNames, type Report } from '../../shared/report/Report'
import { newId } from '../boards/BoardService'
import type { ServerContext } from '../http/Route'
import type { WorkshopRecord } from '../storage/Storage'

export const PUBLIC_PATH = '/p/'

function everyFactor(report: Report): { group: string; factor: Factor }[] {
  return report.groups.flatMap((group) =>
    [
      ...group.clusters.flatMap((cluster) => [
        ...cluster.hindering,
        ...cluster.enabling,
        ...cluster.undecided,
      ]),
      ...group.unsorted,
    ].map((factor) => ({ group: group.name, factor })),
  )
}

/** Notes that look like personal data: shown to the facilitator before anything is published. */
export function personalDataWarnings(report: Report): PersonalDataWarning[] {
  return everyFactor(report).flatMap(({ group, factor }) => {
    const kinds = findPersonalData(factor.text)
    return kinds.length ? [{ factorId: factor.id, group, text: factor.text, kinds }] : []
  })
}

/** The report with the facilitator's edits to factor texts; the boards themselves are untouched. */
export function applyEdits(report: Report, edits: Record<string, string>): Report {
  const text = (factor: Factor): Factor =>
    factor.id in edits ? { ...factor, text: edits[factor.id]! } : factor
  const original = new Map(everyFactor(report).map(({ factor }) => [factor.id, factor.text]))
  return {
    ...report,
    groups: report.groups.map((group) => ({
      ...group,
      unsorted: group.unsorted.map(text),
      clusters: group.clusters.map((cluster) => ({
        ...cluster,
        hindering: cluster.hindering.map(text),
        enabling: cluster.enabling.map(text),
        undecided: cluster.undecided.map(text),
      })),
    })),
    synthesis: {
      ...report.synthesis,
      keyAreas: report.synthesis.keyAreas.map((area) => {
        const entries = (polarity: 'hindering' | 'enabling') =>
          area[polarity].map((entry) => {
            const edited = entry.wordings.find(
              (w) => w.factorId in edits && original.get(w.factorId) === entry.text,
            )
            return {
              ...entry,
              text: edited ? edits[edited.factorId]! : entry.text,
              wordings: entry.wordings.map((w) =>
                w.factorId in edits ? { ...w, text: edits[w.factorId]! } : w,
              ),
            }
          })
        return { ...area, hindering: entries('hindering'), enabling: entries('enabling') }
      }),
    },
  }
}

/**
 * Freezes the workshop's outcome into its open page: a copy of the report, without names
 * unless allowed, with the facilitator's edits. Publishing again keeps the URL and counts up
 * the version; the page shows the note of what changed.
 */
export async function publish(
  context: ServerContext,
  workshop: WorkshopRecord,
  report: Report,
  body: PublishBody,
) {
  const previous = await context.storage.publicationOf(workshop.id)
  const edited = applyEdits(report, body.edits ?? {})
  const copy = body.includeNames ? edited : withoutNames(edited)
  const publication = {
    workshopId: workshop.id,
    slug: previous?.slug ?? newId(12),
    version: (previous?.version ?? 0) + 1,
    report: JSON.stringify(copy),
    note: body.note?.trim() || null,
    publishedAt: Date.now(),
  }
  await context.storage.savePublication(publication)
  context.log.info(
    { workshop: workshop.id, version: publication.version, names: Boolean(body.includeNames) },
    'workshop published',
  )
  return publication
}

/** Takes the page down: its content is deleted, its URL answers 410 from now on. */
export async function unpublish(context: ServerContext, workshopId: string): Promise<boolean> {
  const previous = await context.storage.publicationOf(workshopId)
  if (!previous || previous.report === null) return false
  await context.storage.savePublication({ ...previous, report: null, note: null })
  await context.storage.checkpoint()
  context.log.info({ workshop: workshopId }, 'workshop unpublished')
  return true
}
