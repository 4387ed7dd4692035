import type { RecordJson } from '../board/boardDoc'
import { isPolarity, type Factor } from './Factor'
import { factorText } from './factorText'
import { isCluster } from './isCluster'
import { meta, numberOr, parentIdOf, shapeType } from './recordFields'

/**
 * Notes a template places as fixed content rather than as factors, such as the example
 * agreements of Spelregler: `meta.kind: 'rule'`. They carry no polarity and are never counted.
 */
export const RULE_NOTE_KIND = 'rule'

/** Any note, factor or rule: what takes room on a board. */
export function isNoteRecord(record: RecordJson): boolean {
  return shapeType(record) === 'note'
}

/**
 * Every note is a factor except a template's rule notes; a factor without a polarity in its
 * meta is undecided.
 */
export function isFactorRecord(record: RecordJson): boolean {
  return shapeType(record) === 'note' && meta(record).kind !== RULE_NOTE_KIND
}

/**
 * Reads a note record as a factor. Membership is the note's parent: pass the parent record
 * so the factor gets a `clusterId` when that parent is a cluster frame.
 */
export function readFactor(note: RecordJson, parent?: RecordJson): Factor {
  const noteMeta = meta(note)
  const factor: Factor = {
    id: note.id,
    text: factorText(note),
    polarity: isPolarity(noteMeta.polarity) ? noteMeta.polarity : 'undecided',
    createdAt: numberOr(noteMeta.createdAt, 0),
  }
  if (typeof noteMeta.author === 'string') factor.author = noteMeta.author
  if (parent && parent.id === parentIdOf(note) && isCluster(parent)) factor.clusterId = parent.id
  return factor
}
