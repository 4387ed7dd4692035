import type * as Y from 'yjs'
import { readRecord, readRecords, writeRecords, type RecordJson } from '../board/boardDoc'
import { noteShape, richText } from '../board/shapeRecords'
import type { JsonValue } from '../board/yjsValue'
import { findUnsortedArea } from '../templates/findUnsortedArea'
import type { Polarity } from './Factor'
import { clusterSections, sectionRect } from './clusterSections'
import { isCluster } from './isCluster'
import { layoutFactors } from './layoutFactors'
import type { ImportedFactor } from './parseImport'
import { moveOffContradictedSide, placeNote, withPolarity } from './placeNote'
import { polarityColour } from './polarity'
import { containsRect } from './rect'
import { isFactorRecord } from './readFactor'
import { parentIdOf, props } from './recordFields'
import { localBounds } from './shapeBounds'

/**
 * Changes to factors and clusters made outside the canvas (the outline view, imports, the
 * server). Each is one transaction, so every canvas shows it at once and whole.
 */

/** Transaction origin for these operations; the store binding treats them as remote edits. */
export const FACTOR_OPS_ORIGIN = 'factor-ops'

export interface NewFactor {
  text: string
  polarity: Polarity
  /** The cluster to place it in; unsorted when absent. */
  clusterId?: string
  author?: string
  now: number
  newId: () => string
}

function requireRecord(doc: Y.Doc, id: string, is: (record: RecordJson) => boolean) {
  const record = readRecord(doc, id)
  if (!record || !is(record)) throw new Error(`no such shape: ${id}`)
  return record
}

/** Adds a factor note and returns its id. */
export function addFactor(doc: Y.Doc, factor: NewFactor): string {
  const noteMeta: { [key: string]: JsonValue } = {
    polarity: factor.polarity,
    createdAt: factor.now,
  }
  if (factor.author) noteMeta.author = factor.author
  const note = noteShape(
    { id: factor.newId(), x: 0, y: 0, index: 'a1', meta: noteMeta },
    { text: factor.text, color: polarityColour[factor.polarity] },
  )
  doc.transact(() => {
    writeRecords(doc, placeNote(readRecords(doc), note, factor.clusterId))
  }, FACTOR_OPS_ORIGIN)
  return note.id
}

export function editFactorText(doc: Y.Doc, id: string, text: string) {
  doc.transact(() => {
    const note = requireRecord(doc, id, isFactorRecord)
    writeRecords(doc, [{ ...note, props: { ...props(note), richText: richText(text) } }])
  }, FACTOR_OPS_ORIGIN)
}

/**
 * Sets a factor's polarity and note colour. In a cluster split into a hindering and an
 * enabling half, a note that is now on the wrong half moves to the right one; a note on a
 * side of the board of the other polarity moves to the side that matches, or to unsorted.
 */
export function setFactorPolarity(doc: Y.Doc, id: string, polarity: Polarity) {
  doc.transact(() => {
    const note = requireRecord(doc, id, isFactorRecord)
    const updated = withPolarity(note, polarity)
    const records = readRecords(doc)
    const offSide = moveOffContradictedSide(records, note, polarity)
    if (offSide) {
      writeRecords(doc, offSide)
      return
    }
    const parentId = parentIdOf(note)
    const parent = records.find((record) => record.id === parentId)
    if (parent && isCluster(parent) && polarity !== 'undecided') {
      const children = records.filter((record) => parentIdOf(record) === parent.id)
      const sections = clusterSections(parent, children)
      if (sections.split && !containsRect(sectionRect(sections, polarity), localBounds(note))) {
        writeRecords(doc, placeNote(records, updated, parent.id))
        return
      }
    }
    writeRecords(doc, [updated])
  }, FACTOR_OPS_ORIGIN)
}

/** Moves a factor into a cluster, or to the unsorted area when `clusterId` is undefined. */
export function moveFactor(doc: Y.Doc, id: string, clusterId: string | undefined) {
  doc.transact(() => {
    const note = requireRecord(doc, id, isFactorRecord)
    const records = readRecords(doc)
    const current = records.find((record) => record.id === parentIdOf(note))
    const currentCluster = current && isCluster(current) ? current.id : undefined
    if (currentCluster === clusterId) return
    writeRecords(doc, placeNote(records, note, clusterId))
  }, FACTOR_OPS_ORIGIN)
}

export function renameCluster(doc: Y.Doc, id: string, name: string) {
  doc.transact(() => {
    const frame = requireRecord(doc, id, isCluster)
    writeRecords(doc, [{ ...frame, props: { ...props(frame), name } }])
  }, FACTOR_OPS_ORIGIN)
}

/**
 * Adds imported factors: those without a cluster laid out in the unsorted area, the others
 * in the cluster they name (created when missing). Returns how many notes were added.
 */
export function importFactors(
  doc: Y.Doc,
  factors: readonly ImportedFactor[],
  options: { now: number; newId: () => string; author?: string },
): number {
  let added = 0
  doc.transact(() => {
    const records = readRecords(doc)
    const created = layoutFactors({
      factors,
      records,
      area: findUnsortedArea(records),
      newId: options.newId,
      now: options.now,
      author: options.author,
    })
    writeRecords(doc, created)
    added = created.filter(isFactorRecord).length
  }, FACTOR_OPS_ORIGIN)
  return added
}
