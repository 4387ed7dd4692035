import type { RecordJson } from '../../shared/board/boardDoc'
import { previewGather } from '../../shared/workshop/gather'
import type { Report, ReportCapture, ReportLanguage, ReportStep } from '../../shared/report/Report'
import type { ServerContext } from '../http/Route'
import type { WorkshopRecord } from '../storage/Storage'
import { groupOutcomes } from '../workshops/overview'

/**
 * The agenda's steps with their actual times. The agenda (issue 10) is not stored yet; when it
 * is, it answers here and every report format shows it.
 */
export type AgendaSource = (workshopId: string) => ReportStep[]
const noAgenda: AgendaSource = () => []

/** The recorder board's images, in the order they were placed, with the label of their frame. */
export function capturesOf(records: readonly RecordJson[]): ReportCapture[] {
  const byId = new Map(records.map((record) => [record.id, record]))
  return records
    .filter((record) => record.typeName === 'shape' && record.type === 'image')
    .map((image) => {
      const props = (image.props ?? {}) as { altText?: string; assetId?: string }
      const asset = props.assetId ? byId.get(props.assetId) : undefined
      const parent = byId.get(String(image.parentId))
      const label =
        (parent?.props as { name?: string } | undefined)?.name ??
        ((image.meta as { captureLabel?: string } | undefined)?.captureLabel || '')
      return {
        label,
        altText: props.altText ?? '',
        src: String((asset?.props as { src?: string } | undefined)?.src ?? ''),
      }
    })
}

/** Reads everything a report shows from the workshop's boards, as they are now. */
export async function buildReport(
  context: ServerContext,
  workshop: WorkshopRecord,
  language: ReportLanguage,
  agenda: AgendaSource = noAgenda,
): Promise<Report> {
  const boards = await context.storage.workshopBoards(workshop.id)
  const groups = await groupOutcomes(context, workshop.id)
  const plenary = boards.find((board) => board.kind === 'plenary')
  const recorder = boards.find((board) => board.kind === 'recorder')
  const synthesis = plenary
    ? await context.reads.withDoc(plenary.id, (doc) => previewGather(doc, groups, language))
    : { groups: [], keyAreas: [] }
  return {
    title: workshop.title,
    date: workshop.date,
    track: workshop.track,
    language,
    generatedAt: Date.now(),
    agenda: agenda(workshop.id),
    synthesis,
    groups: groups.map((group) => ({
      id: group.id,
      name: group.name,
      clusters: group.outcome.clusters,
      unsorted: group.outcome.unsorted,
      // Dot voting is not stored yet; when it is, its counts per factor id go here.
      votes: {},
    })),
    captures: recorder ? capturesOf(await context.reads.records(recorder.id)) : [],
  }
}
