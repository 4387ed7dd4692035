import * as Y from 'yjs'
import { metaMap, recordsMap } from './boardDoc'
import { boundedJson } from './docLayout'
import { isMetaKey, metaValueProblem } from './metaKeys'
import { repairParents } from './parentStructure'

export interface RestoreReport {
  /** Meta keys whose values could not be read and were removed (readers fall back to defaults). */
  removedMeta: string[]
  /** Records no client could read (not a map, or nested past any real record) and removed. */
  removedRecords: string[]
  /** Shapes moved onto a page because their parent chain did not end at one. */
  reparented: string[]
}

/**
 * Repairs a loaded board so that every reader can open it, like Excalidraw's restore: what an
 * older or buggy server let in (a stored schema that is not JSON, a frame parented to itself)
 * is fixed in one change with `origin`, and what is merely unknown is left alone.
 */
export function restoreBoard(doc: Y.Doc, origin: unknown): RestoreReport {
  const report: RestoreReport = { removedMeta: [], removedRecords: [], reparented: [] }
  const meta = metaMap(doc)
  const records = recordsMap(doc)
  for (const [key, value] of meta.entries()) {
    if (isMetaKey(key) && unreadable(value, (json) => metaValueProblem(key, json))) {
      report.removedMeta.push(key)
    }
  }
  for (const [id, value] of records.entries()) {
    if (!(value instanceof Y.Map) || unreadable(value, () => undefined)) {
      report.removedRecords.push(id)
    }
  }
  if (report.removedMeta.length > 0 || report.removedRecords.length > 0) {
    doc.transact(() => {
      for (const key of report.removedMeta) meta.delete(key)
      for (const id of report.removedRecords) records.delete(id)
    }, origin)
  }
  report.reparented = repairParents(doc, origin)
  return report
}

function unreadable(value: unknown, problem: (json: ReturnType<typeof boundedJson>) => unknown) {
  try {
    return problem(boundedJson(value)) !== undefined
  } catch {
    return true
  }
}
