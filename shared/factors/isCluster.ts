import type { RecordJson } from '../board/boardDoc'
import { meta, props, shapeType, stringOr } from './recordFields'

/** A cluster is a frame marked `meta.kind: 'cluster'`; other frames are mere decoration. */
export function isCluster(record: RecordJson): boolean {
  return shapeType(record) === 'frame' && meta(record).kind === 'cluster'
}

export function clusterName(record: RecordJson): string {
  return stringOr(props(record).name, '')
}
